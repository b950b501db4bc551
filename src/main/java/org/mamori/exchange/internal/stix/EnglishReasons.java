package org.mamori.exchange.internal.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The English text of a rule, read from the same bundle the screens use, so a problem's reason
 * works without Spring and never drifts from the English message.
 */
final class EnglishReasons {

  private static final String BUNDLE = "/i18n/messages_exchange_en.properties";
  private static final Properties ENGLISH = load();

  private EnglishReasons() {}

  /** Formats like Spring's MessageSource does: MessageFormat only when there are arguments. */
  static String of(StixRule rule, List<String> arguments) {
    String text = ENGLISH.getProperty(rule.key);
    if (text == null) {
      throw new IllegalStateException("No English message for " + rule.key);
    }
    return arguments.isEmpty()
        ? text
        : new MessageFormat(text, Locale.ENGLISH).format(arguments.toArray());
  }

  private static Properties load() {
    try (InputStream in = EnglishReasons.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLE + " is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
