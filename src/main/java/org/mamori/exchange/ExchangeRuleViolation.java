package org.mamori.exchange;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * A change the exchange module refuses, with a message key (in the taxii bundle), the form field it
 * is about and its arguments, so a page can say why in the reader's language.
 */
public class ExchangeRuleViolation extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final List<Object> arguments;

  public ExchangeRuleViolation(String messageKey, String field, Object... arguments) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /** Records this refusal as an error of the field it is about. */
  public void rejectIn(Errors errors) {
    errors.rejectValue(field, messageKey, arguments.toArray(), messageKey);
  }
}
