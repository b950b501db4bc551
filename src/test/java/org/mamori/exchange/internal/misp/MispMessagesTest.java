package org.mamori.exchange.internal.misp;

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

class MispMessagesTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");

  @Test
  void everyReasonHasItsMessageInJapaneseAndEnglishWithTheSameArguments() throws IOException {
    Properties japanese = load("ja");
    Properties english = load("en");

    for (MispReason reason : MispReason.values()) {
      String key = reason.messageKey();
      assertThat(japanese.getProperty(key)).as(key).isNotBlank();
      assertThat(english.getProperty(key)).as(key).isNotBlank();
      assertThat(arguments(japanese.getProperty(key)))
          .as(key)
          .isEqualTo(arguments(english.getProperty(key)));
    }
    assertThat(japanese.stringPropertyNames()).hasSize(MispReason.values().length);
  }

  private static Set<String> arguments(String message) {
    Set<String> arguments = new TreeSet<>();
    Matcher matcher = ARGUMENT.matcher(message);
    while (matcher.find()) {
      arguments.add(matcher.group(1));
    }
    return arguments;
  }

  private static Properties load(String language) throws IOException {
    Properties messages = new Properties();
    try (InputStream in =
        MispMessagesTest.class.getResourceAsStream(
            "/i18n/messages_misp_" + language + ".properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return messages;
  }
}
