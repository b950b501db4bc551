package org.mamori.situation.internal;

import java.util.Locale;
import org.mamori.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Texts from the message bundles in both languages, for what is stored or sent out. */
@Component
class Labels {

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  LocalizedText of(String key, Object... arguments) {
    return new LocalizedText(
        messages.getMessage(key, arguments, Locale.JAPANESE),
        messages.getMessage(key, arguments, Locale.ENGLISH));
  }

  /** The Japanese text: SITREPs are written in Japanese. */
  String ja(String key, Object... arguments) {
    return messages.getMessage(key, arguments, Locale.JAPANESE);
  }
}
