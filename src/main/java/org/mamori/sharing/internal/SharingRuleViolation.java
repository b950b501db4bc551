package org.mamori.sharing.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * A sharing action the rules refuse, with a message key (in the sharing bundle) so the page says
 * why in the reader's language.
 */
class SharingRuleViolation extends RuntimeException {

  private final String messageKey;
  private final List<Object> arguments;
  private @Nullable String field;

  SharingRuleViolation(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /** Names the form field the refusal is about, so the page shows it by that field too. */
  SharingRuleViolation on(String field) {
    this.field = field;
    return this;
  }

  String messageKey() {
    return messageKey;
  }

  Object[] arguments() {
    return arguments.toArray();
  }

  /** Records this refusal as an error of its field, or of the whole form. */
  void rejectIn(Errors errors) {
    if (field == null) {
      errors.reject(messageKey, arguments(), messageKey);
    } else {
      errors.rejectValue(field, messageKey, arguments(), messageKey);
    }
  }
}
