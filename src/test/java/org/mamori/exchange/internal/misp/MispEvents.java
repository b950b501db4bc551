package org.mamori.exchange.internal.misp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** MISP events for tests: the fixtures in src/test/resources/misp and small ones built here. */
final class MispEvents {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String EVENT_UUID = "0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b";
  static final String ATTRIBUTE_UUID = "3c9a7e21-5b4d-4f6a-8e2c-1d0b9a8f7e6d";

  private MispEvents() {}

  static JsonNode fixture(String name) {
    try (InputStream in = MispEvents.class.getResourceAsStream("/misp/" + name)) {
      return JSON.readTree(in);
    } catch (IOException missing) {
      throw new UncheckedIOException(missing);
    }
  }

  /** A published event with no tags and no attributes, in MISP's REST shape. */
  static ObjectNode event() {
    ObjectNode document = JSON.createObjectNode();
    ObjectNode event = document.putObject("Event");
    event.put("uuid", EVENT_UUID);
    event.put("info", "浄水場の監視端末で不審な通信");
    event.put("date", "2025-11-20");
    event.put("timestamp", "1763640000");
    event.put("published", true);
    event.put("publish_timestamp", "1763643600");
    event.put("threat_level_id", "3");
    event.put("analysis", "0");
    ObjectNode orgc = event.putObject("Orgc");
    orgc.put("name", "Example Waterworks");
    orgc.put("uuid", "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
    event.putArray("Tag");
    event.putArray("Attribute");
    event.putArray("Object");
    return document;
  }

  /** An event holding one attribute. */
  static ObjectNode withAttribute(String type, String value, boolean toIds) {
    ObjectNode document = event();
    addAttribute(document, ATTRIBUTE_UUID, type, value, toIds);
    return document;
  }

  static ObjectNode addAttribute(
      ObjectNode document, String uuid, String type, String value, boolean toIds) {
    ObjectNode attribute = ((ArrayNode) document.get("Event").get("Attribute")).addObject();
    attribute.put("uuid", uuid);
    attribute.put("type", type);
    attribute.put("category", MispTypes.defaultCategory(type));
    attribute.put("value", value);
    attribute.put("to_ids", toIds);
    attribute.put("comment", "");
    attribute.put("timestamp", "1763640000");
    attribute.put("deleted", false);
    return attribute;
  }

  static void tag(JsonNode holder, String name) {
    ((ObjectNode) holder).withArrayProperty("Tag").addObject().put("name", name);
  }

  static JsonNode eventOf(JsonNode document) {
    return document.get("Event");
  }

  static Optional<JsonNode> byId(List<? extends JsonNode> objects, String id) {
    return objects.stream()
        .filter(object -> object.path("id").asString("").equals(id))
        .findFirst()
        .map(JsonNode.class::cast);
  }

  static List<JsonNode> ofType(List<? extends JsonNode> objects, String type) {
    return objects.stream()
        .filter(object -> object.path("type").asString("").equals(type))
        .map(JsonNode.class::cast)
        .toList();
  }

  static JsonNode only(List<? extends JsonNode> objects, String type) {
    List<JsonNode> found = ofType(objects, type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + " but found " + found.size());
    }
    return found.get(0);
  }
}
