package org.mamori.exchange.internal.taxii;

import java.util.List;
import java.util.Locale;
import org.mamori.exchange.internal.stix.StixValidator;
import org.mamori.exchange.internal.store.ObjectCheck;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Everything posted is checked against the STIX 2.1 specification before it is stored. */
@Component
class SpecificationCheck implements ObjectCheck {

  private final StixValidator validator;
  private final MessageSource messages;

  SpecificationCheck(StixValidator validator, MessageSource messages) {
    this.validator = validator;
    this.messages = messages;
  }

  @Override
  public List<String> problems(JsonNode object, Locale locale) {
    return validator.validate(object).stream()
        .map(
            problem ->
                (problem.path().isEmpty() ? "" : problem.path() + ": ")
                    + messages.getMessage(problem, locale))
        .toList();
  }
}
