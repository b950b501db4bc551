package org.mamori.exchange.internal.misp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A STIX 2.1 object path (patterning, section 9), such as {@code network-traffic:src_ref.value}:
 * where one MISP value sits in a cyber-observable object. The mapping tables write a reference's
 * target type in braces ({@code src_ref{ip}.value}), which patterns do not carry; {@code ip} means
 * an ipv4-addr or ipv6-addr chosen by the value.
 */
record ObjectPath(String rootType, List<Step> steps) {

  /** Properties whose values are integers, written unquoted in patterns. */
  private static final Set<String> INTEGERS = Set.of("number", "src_port", "dst_port", "size");

  /** Hash names as producers write them, to the hashing-algorithm-ov spelling. */
  private static final Map<String, String> HASH_NAMES =
      Map.of("SHA1", "SHA-1", "SHA224", "SHA-224", "SHA256", "SHA-256", "SHA512", "SHA-512");

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** One property along the path; {@code list} when it is followed by {@code [*]}. */
  record Step(String name, boolean list, @Nullable String target) {

    boolean isReference() {
      return name.endsWith("_ref") || name.endsWith("_refs");
    }
  }

  /**
   * The path as the tables write it, target types included ({@code ip} for either address type):
   * what tells two paths apart, since {@code src_ref{ip}.value} and {@code
   * src_ref{domain-name}.value} read the same in a pattern.
   */
  String key() {
    StringBuilder key = new StringBuilder(rootType).append(':');
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      key.append(i > 0 ? "." : "").append(step.name()).append(step.list() ? "[*]" : "");
      if (step.target() != null) {
        key.append('{').append(Addresses.family(step.target())).append('}');
      }
    }
    return key.toString();
  }

  /** The path as a pattern writes it: quotes where needed, no target types. */
  String text() {
    StringBuilder text = new StringBuilder(rootType).append(':');
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (i > 0) {
        text.append('.');
      }
      text.append(PLAIN_NAME.matcher(step.name()).matches() ? step.name() : quoted(step.name()));
      if (step.list()) {
        text.append("[*]");
      }
    }
    return text.toString();
  }

  boolean holdsInteger() {
    return INTEGERS.contains(steps.get(steps.size() - 1).name());
  }

  /** The same path with the step at {@code index} pointing at objects of {@code target}. */
  ObjectPath withTarget(int index, String target) {
    List<Step> changed = new ArrayList<>(steps);
    Step step = steps.get(index);
    changed.set(index, new Step(step.name(), step.list(), target));
    return new ObjectPath(rootType, List.copyOf(changed));
  }

  /** The leading steps up to and including the one at {@code index}, as their own path. */
  ObjectPath upTo(int index) {
    return new ObjectPath(rootType, steps.subList(0, index + 1));
  }

  /**
   * Reads a path as the tables or a STIX pattern write it. Index selectors ({@code [0]}) read as
   * {@code [*]}; hash names are brought to the STIX vocabulary so {@code hashes.SHA256} and {@code
   * hashes.'SHA-256'} are the same path.
   *
   * @throws IllegalArgumentException when the text is not an object path
   */
  static ObjectPath parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not an object path: " + text);
    }
    String rootType = text.substring(0, colon).strip();
    List<Step> steps = new ArrayList<>();
    int at = colon + 1;
    while (at < text.length()) {
      StringBuilder name = new StringBuilder();
      if (text.charAt(at) == '\'') {
        int close = text.indexOf('\'', at + 1);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed quote in " + text);
        }
        name.append(text, at + 1, close);
        at = close + 1;
      } else {
        while (at < text.length() && ".[{".indexOf(text.charAt(at)) < 0) {
          name.append(text.charAt(at++));
        }
      }
      boolean list = false;
      String target = null;
      while (at < text.length() && text.charAt(at) != '.') {
        char c = text.charAt(at);
        int close = text.indexOf(c == '[' ? ']' : '}', at);
        if ((c != '[' && c != '{') || close < 0) {
          throw new IllegalArgumentException("unexpected '" + c + "' in " + text);
        }
        if (c == '[') {
          list = true;
        } else {
          target = text.substring(at + 1, close);
        }
        at = close + 1;
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty step in " + text);
      }
      steps.add(new Step(canonical(steps, name.toString()), list, target));
      at++;
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("no property in " + text);
    }
    return new ObjectPath(rootType, List.copyOf(steps));
  }

  private static String canonical(List<Step> before, String name) {
    if (!before.isEmpty() && before.get(before.size() - 1).name().equals("hashes")) {
      String upper = name.toUpperCase(Locale.ROOT);
      return HASH_NAMES.getOrDefault(upper, upper);
    }
    return name;
  }

  private static String quoted(String name) {
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObjectPath path && path.key().equals(key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return key();
  }
}
