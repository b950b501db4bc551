package org.mamori.exchange.internal.misp;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A STIX 2.1 property extension that keeps what a MISP object's attributes were (uuid, relation,
 * type, category, to_ids, comment) when they fold into one indicator or one observable, so an
 * export gives MISP back the same attributes rather than new ones beside the old. The values stay
 * in the pattern or the observables; the extension lists the attributes in the order their values
 * appear there, per path.
 *
 * <p>STIX 2.1 deprecates custom {@code x_} properties in favour of extension definitions, so this
 * is one, authored by the Mamori project's identity; both travel with every import that uses it.
 */
final class MispObjectAttributes {

  static final String EXTENSION_ID = "extension-definition--09df695c-6219-4ba4-8d8b-1cf5ce839bde";
  static final String AUTHOR_ID = "identity--62b10333-e7e0-4ef1-afa2-a5f2783bbb47";

  private static final String PUBLISHED = "2026-11-26T00:00:00.000Z";
  private static final String PROPERTY = "attributes";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One MISP attribute inside a MISP object, with its tags other than TLP. */
  record Attribute(
      String uuid,
      String relation,
      String type,
      String category,
      boolean toIds,
      String comment,
      List<String> tags) {

    Attribute {
      tags = List.copyOf(tags);
    }
  }

  private MispObjectAttributes() {}

  static void write(ObjectNode stixObject, List<Attribute> attributes) {
    ObjectNode extension = stixObject.withObjectProperty("extensions").putObject(EXTENSION_ID);
    extension.put("extension_type", "property-extension");
    ArrayNode list = extension.putArray(PROPERTY);
    for (Attribute attribute : attributes) {
      ObjectNode entry = list.addObject();
      entry.put("uuid", attribute.uuid());
      entry.put("object_relation", attribute.relation());
      entry.put("type", attribute.type());
      entry.put("category", attribute.category());
      entry.put("to_ids", attribute.toIds());
      if (!attribute.comment().isEmpty()) {
        entry.put("comment", attribute.comment());
      }
      if (!attribute.tags().isEmpty()) {
        ArrayNode tags = entry.putArray("tags");
        attribute.tags().forEach(tags::add);
      }
    }
  }

  /** The attributes an object lists; none when it carries no such extension. */
  static List<Attribute> read(JsonNode stixObject) {
    List<Attribute> attributes = new ArrayList<>();
    JsonNode entries = stixObject.path("extensions").path(EXTENSION_ID).path(PROPERTY);
    for (JsonNode entry : entries) {
      attributes.add(
          new Attribute(
              MispFields.text(entry, "uuid"),
              MispFields.text(entry, "object_relation"),
              MispFields.text(entry, "type"),
              MispFields.text(entry, "category"),
              MispFields.flag(entry, "to_ids"),
              MispFields.text(entry, "comment"),
              tags(entry)));
    }
    return attributes;
  }

  private static List<String> tags(JsonNode entry) {
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : entry.path("tags")) {
      if (tag.isString()) {
        tags.add(tag.asString());
      }
    }
    return tags;
  }

  /** The extension-definition object, as imports include it. */
  static ObjectNode definition() {
    ObjectNode definition = NODES.objectNode();
    definition.put("type", "extension-definition");
    definition.put("spec_version", "2.1");
    definition.put("id", EXTENSION_ID);
    definition.put("created_by_ref", AUTHOR_ID);
    definition.put("created", PUBLISHED);
    definition.put("modified", PUBLISHED);
    definition.put("name", "MISP object attributes");
    definition.put(
        "description",
        "The MISP attributes a MISP object held, for the indicator or observed-data it became.");
    definition.put(
        "schema",
        "A property-extension with one property, attributes: a list of objects with uuid,"
            + " object_relation, type, category (strings), to_ids (boolean), an optional comment"
            + " (string) and optional tags (list of strings: the attribute's MISP tags other than"
            + " TLP), one per MISP attribute, in the order their values appear in the pattern or"
            + " the observables for each object path.");
    definition.put("version", "1.0.0");
    definition.putArray("extension_types").add("property-extension");
    return definition;
  }

  /** The identity that authors the extension definition: the Mamori project. */
  static ObjectNode author() {
    ObjectNode author = NODES.objectNode();
    author.put("type", "identity");
    author.put("spec_version", "2.1");
    author.put("id", AUTHOR_ID);
    author.put("created", PUBLISHED);
    author.put("modified", PUBLISHED);
    author.put("name", "Mamori");
    author.put("identity_class", "system");
    return author;
  }
}
