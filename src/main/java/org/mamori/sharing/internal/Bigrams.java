package org.mamori.sharing.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Search terms for text in Japanese, which has no spaces between words: every run of letters is cut
 * into overlapping pairs of characters (停電 in 広域停電により is the pair 停電), and a word of Latin letters
 * or digits is kept whole. Text is NFKC-normalised and lower-cased first, so full-width ＩＰ and
 * half-width ｶﾀｶﾅ match their usual forms.
 */
final class Bigrams {

  private Bigrams() {}

  /** The terms of a text to index: every character and every pair of a Japanese run. */
  static Set<String> of(String text) {
    return terms(text, true);
  }

  /**
   * The terms a query needs every one of: pairs, or the character itself for a one-character run.
   * The caller then checks the words appear as typed, since pairs may match apart.
   */
  static Set<String> query(String text) {
    return terms(text, false);
  }

  /** NFKC and lower case: how both the stored text and a query are compared. */
  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static Set<String> terms(String text, boolean withSingles) {
    Set<String> terms = new LinkedHashSet<>();
    String normalised = normalise(text);
    StringBuilder run = new StringBuilder();
    boolean runIsAscii = false;
    for (int i = 0; i < normalised.length(); ) {
      int codePoint = normalised.codePointAt(i);
      i += Character.charCount(codePoint);
      if (!Character.isLetterOrDigit(codePoint)) {
        flush(run, runIsAscii, withSingles, terms);
        continue;
      }
      boolean ascii = codePoint < 128;
      if (run.length() > 0 && ascii != runIsAscii) {
        flush(run, runIsAscii, withSingles, terms);
      }
      runIsAscii = ascii;
      run.appendCodePoint(codePoint);
    }
    flush(run, runIsAscii, withSingles, terms);
    return terms;
  }

  private static void flush(
      StringBuilder run, boolean ascii, boolean withSingles, Set<String> terms) {
    if (run.length() == 0) {
      return;
    }
    String word = run.toString();
    run.setLength(0);
    if (ascii) {
      terms.add(word);
      return;
    }
    int[] points = word.codePoints().toArray();
    if (points.length == 1 || withSingles) {
      for (int point : points) {
        terms.add(new String(new int[] {point}, 0, 1));
      }
    }
    for (int i = 0; i + 1 < points.length; i++) {
      terms.add(new String(points, i, 2));
    }
  }
}
