package org.mamori.notify.internal;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * A change the notification rules refuse, with a message key (in the notify bundle) so the page
 * says why in the reader's language.
 */
class NotifyRuleViolation extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final List<Object> arguments;

  NotifyRuleViolation(String messageKey, String field, Object... arguments) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /** Records this refusal as an error of the field it is about. */
  void rejectIn(Errors errors) {
    errors.rejectValue(field, messageKey, arguments.toArray(), messageKey);
  }
}
