package org.mamori.exchange.internal.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every reason the validator gives can be shown in Japanese and English with the same values. */
class StixMessagesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  @Test
  void everyRuleHasAJapaneseAndAnEnglishMessageWithTheSamePlaceholders() throws IOException {
    Properties japanese = load("ja");
    Properties english = load("en");
    for (StixRule rule : StixRule.values()) {
      assertThat(japanese.getProperty(rule.key)).as(rule.key).isNotBlank();
      assertThat(english.getProperty(rule.key)).as(rule.key).isNotBlank();
      assertThat(placeholders(japanese.getProperty(rule.key)))
          .as(rule.key)
          .isEqualTo(placeholders(english.getProperty(rule.key)));
    }
  }

  @Test
  void theBundlesHoldNoMessageNoRuleUses() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (StixRule rule : StixRule.values()) {
      keys.add(rule.key);
    }

    assertThat(new TreeSet<>(load("en").stringPropertyNames())).isEqualTo(keys);
  }

  @Test
  void theEnglishReasonFillsInTheArguments() {
    StixProblem problem = StixProblem.of("id", StixRule.ID_TYPE_MISMATCH, "tool--x", "malware");

    assertThat(problem.reason())
        .isEqualTo("The id tool--x does not begin with the object type malware.");
    assertThat(problem.getCodes()).containsExactly("exchange.stix.id-type-mismatch");
    assertThat(problem.getArguments()).containsExactly("tool--x", "malware");
  }

  private static Set<String> placeholders(String message) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(message);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Properties load(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        StixMessagesTest.class.getResourceAsStream(
            "/i18n/messages_exchange_" + language + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
