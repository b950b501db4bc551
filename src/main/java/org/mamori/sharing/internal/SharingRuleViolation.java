package org.mamori.sharing.internal;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * A sharing action the rules refuse, with a message key (in the sharing bundle) so the page says
 * why in the reader's language.
 */
class SharingRuleViolation extends RuntimeException {

  private final String messageKey;
  private final List<Object> arguments;

  SharingRuleViolation(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  String messageKey() {
    return messageKey;
  }

  Object[] arguments() {
    return arguments.toArray();
  }

  /** Records this refusal as an error of the whole form. */
  void rejectIn(Errors errors) {
    errors.reject(messageKey, arguments(), messageKey);
  }
}
