package org.mamori.exchange.internal.misp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reading MISP's JSON the way MISP writes it: numbers and booleans often as strings ({@code
 * "timestamp": "1603642920"}, {@code "to_ids": "1"}), lists sometimes missing.
 */
final class MispFields {

  private MispFields() {}

  /** A field's text, or "" when it is missing, null or not a plain value. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asString().strip() : "";
  }

  static boolean flag(JsonNode node, String field) {
    String value = text(node, field).toLowerCase(Locale.ROOT);
    return value.equals("true") || value.equals("1");
  }

  /** A MISP timestamp (seconds since 1970) as an instant, when it is one. */
  static Optional<Instant> seconds(JsonNode node, String field) {
    try {
      long seconds = Long.parseLong(text(node, field));
      return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }

  /** The elements of a list field; none when it is missing or not a list. */
  static List<JsonNode> list(JsonNode node, String field) {
    List<JsonNode> elements = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value != null && value.isArray()) {
      value.forEach(elements::add);
    }
    return elements;
  }
}
