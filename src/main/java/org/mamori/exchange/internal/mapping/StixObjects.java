package org.mamori.exchange.internal.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts every STIX object Mamori writes shares, and Mamori's own two objects: the identity
 * "Mamori" and the extension-definition that carries what Mamori knows and STIX has no property
 * for.
 *
 * <p>Why an extension-definition and not {@code x_mamori_*} properties: STIX 2.1 deprecates custom
 * properties in favour of extensions (section 7.3), an extension is declared once with its own
 * schema, and consumers that do not know it can tell at a glance what they may ignore.
 */
final class StixObjects {

  static final String INCIDENT_CORE = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

  static final String MAMORI_EXTENSION = StixIds.mamori("extension-definition", "extension:mamori");

  static final String MAMORI_IDENTITY = StixIds.mamori("identity", "mamori");

  /**
   * When Mamori's own objects were defined; also the {@code created} and {@code modified} of
   * organisations' identities, which Mamori does not version.
   */
  static final Instant DEFINED = Instant.parse("2026-11-26T00:00:00Z");

  /** Organisations are known to the whole community: their identities are TLP:GREEN. */
  static final Tlp IDENTITY_MARKING = Tlp.GREEN;

  private static final String SCHEMA =
      """
      Mamori's properties, on objects Mamori writes, that STIX 2.1 and the incident-core extension \
      have no property for. A property-extension. Times are RFC 3339 UTC, exact. \
      On an identity: organisation_id (Mamori's UUID of the organisation), name_en, sector_code \
      (absent for organisations without a sector; for an anonymised reporter, the sector only). \
      On an incident (one report version): version (1, 2, ...), stage (FIRST, FOLLOW_UP, FINAL), \
      tlp (the marking the version was written with: clear, green, amber, amber+strict, red; the \
      object's marking is the stricter of this and the report's), written_at, released_at, \
      occurred_at, detected_at, event_type {code, threat_group, name_ja, name_en}, impact (code), \
      causes (codes), service, other_sectors_affected (YES, NO, UNKNOWN), verification_level \
      (REACHED, NOT_REACHED, UNKNOWN), response_status (INVESTIGATING, CONTAINED, RECOVERED), \
      indicators (the text as pasted). \
      On a report for a Mamori report: kind "report", mamori_id, reference, sector_code, tlp (the \
      report's own marking), emergency, submitted_at, route [{organisation_ref, step, from_ref, \
      channel, emergency, received_at, forwarded_at, assessment}]. \
      On a report for a Mamori advisory: kind "advisory", mamori_id, reference, issued_at, \
      acknowledge_by, indicators (the text as pasted), sanitised_source_ref (the anonymised \
      reporter's identity, for a sanitised release).""";

  private final JsonMapper json;

  StixObjects(JsonMapper json) {
    this.json = json;
  }

  JsonMapper json() {
    return json;
  }

  /** A STIX domain object with the common properties Mamori always writes. */
  ObjectNode sdo(
      String type, String id, Instant created, Instant modified, String createdBy, Tlp tlp) {
    ObjectNode object = json.createObjectNode();
    object.put("type", type);
    object.put("spec_version", "2.1");
    object.put("id", id);
    object.put("created_by_ref", createdBy);
    object.put("created", StixTime.millis(created));
    object.put("modified", StixTime.millis(modified));
    object.putArray("object_marking_refs").add(TlpMarkings.idOf(tlp));
    return object;
  }

  /** A cyber-observable: no author and no times, but marked like everything else. */
  ObjectNode sco(String type, String id, Tlp tlp) {
    ObjectNode object = json.createObjectNode();
    object.put("type", type);
    object.put("spec_version", "2.1");
    object.put("id", id);
    object.putArray("object_marking_refs").add(TlpMarkings.idOf(tlp));
    return object;
  }

  /** Adds Mamori's extension to an object and returns it, to be filled in. */
  static ObjectNode mamori(ObjectNode object) {
    ObjectNode extensions =
        object.has("extensions")
            ? (ObjectNode) object.get("extensions")
            : object.putObject("extensions");
    ObjectNode extension = extensions.putObject(MAMORI_EXTENSION);
    extension.put("extension_type", "property-extension");
    return extension;
  }

  /** Mamori's extension of an object read back; an object without it is not one Mamori wrote. */
  static JsonNode mamoriOf(JsonNode object) {
    JsonNode extension = object.path("extensions").path(MAMORI_EXTENSION);
    if (extension.isMissingNode()) {
      throw new IllegalArgumentException(
          object.path("id").asString("an object") + " has no Mamori extension");
    }
    return extension;
  }

  /** The identity "Mamori" and the definition of its extension, which it authors. */
  List<ObjectNode> own() {
    ObjectNode identity = json.createObjectNode();
    identity.put("type", "identity");
    identity.put("spec_version", "2.1");
    identity.put("id", MAMORI_IDENTITY);
    identity.put("created", StixTime.millis(DEFINED));
    identity.put("modified", StixTime.millis(DEFINED));
    identity.put("name", "Mamori");
    identity.put(
        "description",
        "The shared workplace of Japan's critical-infrastructure protection community.");
    identity.put("identity_class", "system");
    identity.putArray("object_marking_refs").add(TlpMarkings.idOf(Tlp.CLEAR));

    ObjectNode definition = json.createObjectNode();
    definition.put("type", "extension-definition");
    definition.put("spec_version", "2.1");
    definition.put("id", MAMORI_EXTENSION);
    definition.put("created_by_ref", MAMORI_IDENTITY);
    definition.put("created", StixTime.millis(DEFINED));
    definition.put("modified", StixTime.millis(DEFINED));
    definition.put("name", "Mamori");
    definition.put(
        "description", "What Mamori knows of reports and advisories that STIX has no place for.");
    definition.put("schema", SCHEMA);
    definition.put("version", "1.0.0");
    definition.putArray("extension_types").add("property-extension");
    definition.putArray("object_marking_refs").add(TlpMarkings.idOf(Tlp.CLEAR));
    return List.of(identity, definition);
  }

  /**
   * An organisation's identity, as Mamori describes it: not versioned, so its times are fixed (a
   * renamed organisation keeps its identity's id and times).
   */
  ObjectNode organisation(String id, String name, @Nullable String description) {
    ObjectNode identity = sdo("identity", id, DEFINED, DEFINED, MAMORI_IDENTITY, IDENTITY_MARKING);
    identity.put("name", name);
    if (description != null && !description.isBlank()) {
      identity.put("description", description);
    }
    identity.put("identity_class", "organization");
    return identity;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isString()) {
      throw new IllegalArgumentException(
          node.path("id").asString("an object") + " has no text " + field);
    }
    return value.stringValue();
  }

  static String textOr(JsonNode node, String field, String otherwise) {
    JsonNode value = node.path(field);
    return value.isString() ? value.stringValue() : otherwise;
  }

  static @Nullable String optionalText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.stringValue() : null;
  }

  static @Nullable Instant optionalTime(JsonNode node, String field) {
    String text = optionalText(node, field);
    return text == null ? null : StixTime.parse(text);
  }

  static Instant time(JsonNode node, String field) {
    return StixTime.parse(text(node, field));
  }

  static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    node.path(field).values().forEach(v -> values.add(v.asString()));
    return values;
  }

  /** The TLP level of an object's markings, strictest first; an object must carry one. */
  static Tlp markingOf(JsonNode object) {
    Optional<Tlp> level = TlpMarkings.strictestOf(texts(object, "object_marking_refs"));
    return level.orElseThrow(
        () ->
            new IllegalArgumentException(
                object.path("id").asString("an object") + " carries no TLP marking"));
  }

  static String tlpWord(Tlp tlp) {
    return tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '+');
  }

  static Tlp tlpOf(String word) {
    return Tlp.valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('+', '_'));
  }
}
