package org.mamori.exchange.internal.stix;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * Why a STIX object (or a bundle around it) is rejected: where, as a path inside the object such as
 * {@code external_references[0].url} (empty for the object as a whole), the message key with its
 * arguments for the screens ({@code messageSource.getMessage(problem, locale)} works directly), and
 * the English reason for TAXII answers and logs.
 */
public record StixProblem(String path, String messageKey, List<String> arguments, String reason)
    implements MessageSourceResolvable {

  public StixProblem {
    arguments = List.copyOf(arguments);
  }

  static StixProblem of(String path, StixRule rule, Object... arguments) {
    List<String> texts = Arrays.stream(arguments).map(String::valueOf).toList();
    return new StixProblem(path, rule.key, texts, EnglishReasons.of(rule, texts));
  }

  @Override
  public String[] getCodes() {
    return new String[] {messageKey};
  }

  @Override
  public Object[] getArguments() {
    return arguments.toArray();
  }

  @Override
  public String getDefaultMessage() {
    return reason;
  }

  @Override
  public String toString() {
    return path.isEmpty() ? reason : path + ": " + reason;
  }
}
