package org.mamori.access.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

  String messageKey() {
    return messageKey;
  }

  @Nullable String field() {
    return field;
  }

  Object[] arguments() {
    return arguments.toArray();
  }

  /** Puts the refusal on the form: on its field if it names one, else on the whole form. */
  void rejectOn(org.springframework.validation.Errors errors) {
    if (field == null) {
      errors.reject(messageKey, arguments(), messageKey);
    } else {
      errors.rejectValue(field, messageKey, arguments(), messageKey);
    }
  }
}
