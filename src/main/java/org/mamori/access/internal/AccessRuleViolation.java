package org.mamori.access.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * A request the access module refuses for a reason the person can fix (a wrong code, a too short
 * password), with a message key in the access bundle and, when one field is to blame, its name.
 */
class AccessRuleViolation extends RuntimeException {

  private final String messageKey;
  private final @Nullable String field;
  private final List<Object> arguments;

  AccessRuleViolation(String messageKey, @Nullable String field, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.field = field;
    this.arguments = List.of(arguments);
  }

  /** Puts the refusal on the form: on its field if it names one, else on the whole form. */
  void rejectOn(Errors errors) {
    if (field == null) {
      errors.reject(messageKey, arguments.toArray(), messageKey);
    } else {
      errors.rejectValue(field, messageKey, arguments.toArray(), messageKey);
    }
  }
}
