package org.mamori.directory;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * A change the directory refuses, with a message key (in the directory's bundle) and its arguments
 * so the page can say why in the reader's language.
 */
public class DirectoryRuleViolation extends RuntimeException {

  private final String messageKey;
  private final List<Object> arguments;

  public DirectoryRuleViolation(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }

  /** Records this refusal as an error of the whole form, shown in the reader's language. */
  public void rejectIn(Errors errors) {
    errors.reject(messageKey, arguments(), messageKey);
  }

  /** Records this refusal as an error of one field of the form. */
  public void rejectIn(Errors errors, String field) {
    errors.rejectValue(field, messageKey, arguments(), messageKey);
  }
}
