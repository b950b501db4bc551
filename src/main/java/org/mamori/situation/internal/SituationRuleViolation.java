package org.mamori.situation.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * A decision the situation rules refuse, with a message key (in the situation bundle) so the page
 * says why in the reader's language.
 */
class SituationRuleViolation extends RuntimeException {

  private final String messageKey;
  private final Object[] arguments;
  private @Nullable String field;

  SituationRuleViolation(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  /** Names the form field the refusal is about. */
  SituationRuleViolation on(String field) {
    this.field = field;
    return this;
  }

  String messageKey() {
    return messageKey;
  }

  /** Records this refusal as an error of its field, or of the whole form. */
  void rejectIn(Errors errors) {
    if (field == null) {
      errors.reject(messageKey, arguments, messageKey);
    } else {
      errors.rejectValue(field, messageKey, arguments, messageKey);
    }
  }
}
