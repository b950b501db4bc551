package org.mamori.exchange.internal.stix;

import java.util.Arrays;
import java.util.List;

/**
 * Why a STIX pattern does not parse: where (0-based character offset; messages count from 1) and
 * the reason, with a message key and arguments for the screens.
 */
public final class StixPatternException extends IllegalArgumentException {

  private final int position;
  private final StixRule rule;
  private final List<String> arguments;

  StixPatternException(int position, StixRule rule, Object... details) {
    this(position, rule, withColumn(position, details));
  }

  private StixPatternException(int position, StixRule rule, List<String> arguments) {
    super(EnglishReasons.of(rule, arguments));
    this.position = position;
    this.rule = rule;
    this.arguments = arguments;
  }

  /** The 0-based offset in the pattern text where the problem is. */
  public int position() {
    return position;
  }

  public String messageKey() {
    return rule.key;
  }

  /** The message arguments; the first is the 1-based position. */
  public List<String> arguments() {
    return arguments;
  }

  /** This problem as a validation problem of the property holding the pattern. */
  public StixProblem problemAt(String path) {
    return new StixProblem(path, rule.key, arguments, getMessage());
  }

  private static List<String> withColumn(int position, Object... details) {
    String[] all = new String[details.length + 1];
    all[0] = Integer.toString(position + 1);
    for (int i = 0; i < details.length; i++) {
      all[i + 1] = String.valueOf(details[i]);
    }
    return Arrays.asList(all);
  }
}
