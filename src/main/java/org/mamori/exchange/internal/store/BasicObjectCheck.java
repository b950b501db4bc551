package org.mamori.exchange.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The basic check: only what the store itself relies on — {@code type}, {@code id}, {@code
 * spec_version}, {@code created}, {@code modified} and {@code object_marking_refs}, present where
 * STIX 2.1 requires them and well formed. It is not a STIX validator; a full one replaces it.
 */
@Component
class BasicObjectCheck implements ObjectCheck {

  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,248}[a-z0-9]");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** STIX 2.1's domain, relationship and meta objects: they carry created (and most, modified). */
  private static final Set<String> CREATED_REQUIRED =
      Set.of(
          "attack-pattern",
          "campaign",
          "course-of-action",
          "grouping",
          "identity",
          "incident",
          "indicator",
          "infrastructure",
          "intrusion-set",
          "location",
          "malware",
          "malware-analysis",
          "note",
          "observed-data",
          "opinion",
          "report",
          "threat-actor",
          "tool",
          "vulnerability",
          "relationship",
          "sighting",
          "language-content",
          "marking-definition",
          "extension-definition");

  /** Marking definitions are never versioned: they have no modified. */
  private static final String MARKING_DEFINITION = "marking-definition";

  private final MessageSource messages;

  BasicObjectCheck(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public List<String> problems(JsonNode object) {
    if (!object.isObject()) {
      return List.of(text("taxii.check.notObject"));
    }
    List<String> problems = new ArrayList<>();
    String type = string(object, "type").orElse(null);
    if (type == null || !TYPE.matcher(type).matches()) {
      problems.add(text("taxii.check.type"));
    }
    String id = string(object, "id").orElse(null);
    if (id == null
        || type == null
        || !id.startsWith(type + "--")
        || !UUID.matcher(id.substring(type.length() + 2)).matches()) {
      problems.add(text("taxii.check.id"));
    }
    if (!"2.1".equals(string(object, "spec_version").orElse(null))) {
      problems.add(text("taxii.check.specVersion"));
    }
    Optional<Instant> created = timestamp(object, "created", problems);
    Optional<Instant> modified = timestamp(object, "modified", problems);
    if (type != null && CREATED_REQUIRED.contains(type)) {
      if (!object.has("created")) {
        problems.add(text("taxii.check.required", "created"));
      }
      if (!object.has("modified") && !MARKING_DEFINITION.equals(type)) {
        problems.add(text("taxii.check.required", "modified"));
      }
    }
    if (modified.isPresent() && created.isPresent() && modified.get().isBefore(created.get())) {
      problems.add(text("taxii.check.modifiedBeforeCreated"));
    }
    if (object.has("object_marking_refs")) {
      JsonNode refs = object.get("object_marking_refs");
      boolean wellFormed = refs.isArray() && !refs.isEmpty();
      for (JsonNode ref : refs) {
        wellFormed &= ref.isString();
      }
      if (!wellFormed) {
        problems.add(text("taxii.check.markingRefs"));
      }
    }
    return problems;
  }

  private Optional<Instant> timestamp(JsonNode object, String property, List<String> problems) {
    if (!object.has(property)) {
      return Optional.empty();
    }
    Optional<Instant> instant = string(object, property).flatMap(Timestamps::parse);
    if (instant.isEmpty()) {
      problems.add(text("taxii.check.timestamp", property));
    }
    return instant;
  }

  private static Optional<String> string(JsonNode object, String property) {
    JsonNode value = object.get(property);
    return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
  }
}
