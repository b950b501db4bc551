package org.mamori.exchange.internal.stix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The STIX test data in src/test/resources/stix (see the README there for sources). */
final class StixFixtures {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One valid object of every type Mamori knows, hand-written for these tests. */
  static final String EVERY_TYPE = "every-type.json";

  /** Objects from the MITRE ATT&CK for ICS 18.1 bundle, descriptions shortened. */
  static final String ATTACK_ICS = "attack-ics-sample.json";

  /** Objects from the OASIS STIX 2.1 example bundles. */
  static final String OASIS_EXAMPLES = "oasis-examples.json";

  private StixFixtures() {}

  static JsonNode bundle(String name) {
    try (InputStream in = StixFixtures.class.getResourceAsStream("/stix/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ObjectNode> objects(String name) {
    List<ObjectNode> objects = new ArrayList<>();
    bundle(name).path("objects").forEach(object -> objects.add((ObjectNode) object));
    return objects;
  }

  /** A fresh copy of the first valid example of a type, to break in one test. */
  static ObjectNode example(String type) {
    return objects(EVERY_TYPE).stream()
        .filter(object -> object.path("type").stringValue().equals(type))
        .findFirst()
        .map(ObjectNode::deepCopy)
        .orElseThrow(() -> new IllegalArgumentException("no example of " + type));
  }

  static ObjectNode exampleWithId(String id) {
    return objects(EVERY_TYPE).stream()
        .filter(object -> object.path("id").stringValue().equals(id))
        .findFirst()
        .map(ObjectNode::deepCopy)
        .orElseThrow(() -> new IllegalArgumentException("no example " + id));
  }

  static ObjectNode parse(String json) {
    return (ObjectNode) JSON.readTree(json);
  }
}
