package org.mamori.exchange.internal.misp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the STIX patterns MISP can hold: one observation of equality comparisons joined by AND
 * (misp-stix's and Mamori's own shape). Anything else (OR, other operators, several observations,
 * qualifiers) cannot become MISP attributes and reads as empty.
 */
final class StixPatterns {

  private StixPatterns() {}

  /**
   * The values a pattern compares, each at its path; a reference's target comes from the pattern's
   * own {@code .type} comparison or, without one, from what the value looks like.
   */
  static Optional<List<Observables.Found>> read(String pattern) {
    Scanner scanner = new Scanner(pattern.strip());
    List<String[]> comparisons = new ArrayList<>();
    try {
      scanner.expect('[');
      do {
        scanner.skipParentheses();
        String path = scanner.path();
        scanner.expect('=');
        String value = scanner.value();
        scanner.skipParentheses();
        comparisons.add(new String[] {path, value});
      } while (scanner.and());
      scanner.expect(']');
      if (!scanner.atEnd()) {
        return Optional.empty();
      }
      return Optional.of(found(comparisons));
    } catch (IllegalArgumentException unsupported) {
      return Optional.empty();
    }
  }

  private static List<Observables.Found> found(List<String[]> comparisons) {
    Map<String, String> referencedTypes = new HashMap<>();
    for (String[] comparison : comparisons) {
      if (comparison[0].endsWith(".type")) {
        String reference = comparison[0].substring(0, comparison[0].length() - ".type".length());
        referencedTypes.put(ObjectPath.parse(reference).text(), comparison[1]);
      }
    }
    List<Observables.Found> found = new ArrayList<>();
    for (String[] comparison : comparisons) {
      if (comparison[0].endsWith(".type")) {
        continue;
      }
      ObjectPath path = ObjectPath.parse(comparison[0]);
      for (int i = 0; i < path.steps().size(); i++) {
        if (path.steps().get(i).isReference()) {
          String type = referencedTypes.get(path.upTo(i).text());
          path =
              path.withTarget(
                  i, type != null ? Addresses.family(type) : Addresses.guess(comparison[1]));
        }
      }
      found.add(new Observables.Found(path, comparison[1]));
    }
    return found;
  }

  /** A hand-written reader for the small part of the pattern grammar above. */
  private static final class Scanner {
    private final String text;
    private int at;

    Scanner(String text) {
      this.text = text;
    }

    void expect(char c) {
      skipSpace();
      if (at >= text.length() || text.charAt(at) != c) {
        throw new IllegalArgumentException("expected " + c);
      }
      at++;
    }

    void skipParentheses() {
      skipSpace();
      while (at < text.length() && (text.charAt(at) == '(' || text.charAt(at) == ')')) {
        at++;
        skipSpace();
      }
    }

    /** Whether another comparison follows after AND; OR is not something MISP can hold. */
    boolean and() {
      skipSpace();
      if (text.startsWith("AND", at)) {
        at += 3;
        return true;
      }
      if (text.startsWith("OR", at)) {
        throw new IllegalArgumentException("OR");
      }
      return false;
    }

    String path() {
      skipSpace();
      int start = at;
      boolean quoted = false;
      boolean selector = false;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '\'') {
          quoted = !quoted;
        } else if (!quoted && c == '[') {
          selector = true;
        } else if (!quoted && selector && c == ']') {
          selector = false;
        } else if (!quoted && (Character.isWhitespace(c) || "=!<>]".indexOf(c) >= 0)) {
          break;
        }
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException("expected a path");
      }
      return text.substring(start, at);
    }

    String value() {
      skipSpace();
      if (at < text.length() && text.charAt(at) == '\'') {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != '\'') {
          char c = text.charAt(at++);
          if (c == '\\' && at < text.length()) {
            c = text.charAt(at++);
          }
          value.append(c);
        }
        expect('\'');
        return value.toString();
      }
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at))
              || text.charAt(at) == '-'
              || text.charAt(at) == '.')) {
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException("expected a value");
      }
      return text.substring(start, at);
    }

    boolean atEnd() {
      skipSpace();
      return at == text.length();
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
