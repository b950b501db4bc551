package org.mamori.shared;

import java.util.Locale;

/**
 * A text kept in Japanese and English, for reference data administrators edit (sector names,
 * taxonomy labels). Japanese is required; English falls back to Japanese when blank.
 */
public record LocalizedText(String ja, String en) {

  public LocalizedText {
    if (ja == null || ja.isBlank()) {
      throw new IllegalArgumentException("Japanese text is required");
    }
    en = en == null ? "" : en;
  }

  public String in(Locale locale) {
    return "en".equals(locale.getLanguage()) && !en.isBlank() ? en : ja;
  }
}
