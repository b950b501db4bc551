package org.mamori.exchange.internal.misp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cyber-observable objects one MISP attribute or object becomes, filled one value at a time
 * along its {@link ObjectPath}, together with the STIX pattern that matches the same values.
 *
 * <p>Ids follow misp-stix: the root object takes the attribute's or object's uuid, an object a
 * value points to takes the uuid of the attribute that holds the value. They stay apart per event,
 * so the same address in a TLP:RED and in a TLP:CLEAR event never becomes one shared object.
 */
final class Observables {

  /** How placing a value went. */
  enum Placed {
    PLACED,
    /** The path holds one value and another attribute already put one there. */
    TAKEN,
    /** The value cannot be written there (not a number where STIX wants one, not an address). */
    INVALID
  }

  /** One value found at one path. */
  record Found(ObjectPath path, String value) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
  private final Set<String> comparisons = new LinkedHashSet<>();
  private final String rootId;

  Observables(String rootType, String rootUuid) {
    this.rootId = rootType + "--" + rootUuid;
    byId.put(rootId, observable(rootType, rootId));
  }

  String rootId() {
    return rootId;
  }

  boolean isEmpty() {
    return comparisons.isEmpty();
  }

  /** Puts one value at its path; changes nothing unless it returns {@link Placed#PLACED}. */
  Placed place(ObjectPath path, String value, String attributeUuid) {
    JsonNode literal = literal(path, value);
    if (literal == null) {
      return Placed.INVALID;
    }
    List<String> typeComparisons = new ArrayList<>();
    ObjectNode node = byId.get(rootId);
    List<ObjectPath.Step> steps = path.steps();
    for (int i = 0; i < steps.size(); i++) {
      ObjectPath.Step step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step.isReference()) {
        if (step.target() == null || step.target().equals(Addresses.IP) && !Addresses.isIp(value)) {
          return Placed.INVALID;
        }
        String targetType = Addresses.resolve(step.target(), value);
        String targetId = targetType + "--" + attributeUuid;
        if (step.list()) {
          ArrayNode refs = node.withArrayProperty(step.name());
          if (!contains(refs, targetId)) {
            refs.add(targetId);
          }
        } else if (node.has(step.name()) && !node.get(step.name()).asString().equals(targetId)) {
          return Placed.TAKEN;
        } else {
          node.put(step.name(), targetId);
        }
        typeComparisons.add(path.upTo(i).text() + ".type = " + quoted(targetType));
        node = byId.computeIfAbsent(targetId, id -> observable(targetType, id));
      } else if (last) {
        if (step.list()) {
          node.withArrayProperty(step.name()).add(literal);
        } else if (node.has(step.name())) {
          return Placed.TAKEN;
        } else {
          node.set(step.name(), literal);
        }
      } else if (step.list()) {
        node = entryFor(node.withArrayProperty(step.name()), steps.get(i + 1).name());
      } else {
        node = node.withObjectProperty(step.name());
      }
    }
    comparisons.addAll(typeComparisons);
    comparisons.add(path.text() + " = " + literal(literal));
    return Placed.PLACED;
  }

  /** A pattern matching every placed value at once. */
  String pattern() {
    return "[" + String.join(" AND ", comparisons) + "]";
  }

  /**
   * Whether the objects are complete STIX: network traffic needs an end it comes from or goes to.
   */
  boolean complete() {
    ObjectNode root = byId.get(rootId);
    return !root.path("type").asString().equals("network-traffic")
        || root.has("src_ref")
        || root.has("dst_ref");
  }

  /** The objects, root first, with the properties STIX requires and the given markings. */
  List<ObjectNode> objects(List<String> markingRefs) {
    List<ObjectNode> objects = new ArrayList<>();
    for (ObjectNode object : byId.values()) {
      ObjectNode copy = object.deepCopy();
      requiredDefaults(copy);
      if (!markingRefs.isEmpty()) {
        ArrayNode markings = copy.putArray("object_marking_refs");
        markingRefs.forEach(markings::add);
      }
      objects.add(copy);
    }
    return objects;
  }

  /**
   * Every value found at the known paths under one observable, resolving references through {@code
   * lookup}; a path that holds a list gives one {@link Found} per element, in order.
   */
  static List<Found> read(
      JsonNode root, Function<String, @Nullable JsonNode> lookup, Collection<ObjectPath> known) {
    List<Found> found = new ArrayList<>();
    String type = root.path("type").asString();
    for (ObjectPath path : known) {
      if (path.rootType().equals(type)) {
        List<String> values = new ArrayList<>();
        collect(root, path.steps(), 0, lookup, values);
        values.forEach(value -> found.add(new Found(path, value)));
      }
    }
    return found;
  }

  private static void collect(
      JsonNode node,
      List<ObjectPath.Step> steps,
      int index,
      Function<String, @Nullable JsonNode> lookup,
      List<String> values) {
    ObjectPath.Step step = steps.get(index);
    JsonNode value = node.get(step.name());
    if (value == null) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    if (step.list() && value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    for (JsonNode item : items) {
      JsonNode next = item;
      if (step.isReference()) {
        next = lookup.apply(item.asString());
        if (next == null
            || step.target() != null
                && !Addresses.family(next.path("type").asString()).equals(step.target())) {
          continue;
        }
      }
      if (index == steps.size() - 1) {
        if (next.isValueNode()) {
          values.add(next.asString());
        }
      } else {
        collect(next, steps, index + 1, lookup, values);
      }
    }
  }

  private static @Nullable JsonNode literal(ObjectPath path, String value) {
    if (!path.holdsInteger()) {
      return NODES.stringNode(value);
    }
    String digits = value.strip();
    if (path.rootType().equals("autonomous-system")
        && digits.toUpperCase(Locale.ROOT).startsWith("AS")) {
      digits = digits.substring(2);
    }
    try {
      long number = Long.parseLong(digits);
      return number < 0 ? null : NODES.numberNode(number);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static String literal(JsonNode value) {
    return value.isNumber() ? value.asString() : quoted(value.asString());
  }

  /** A STIX pattern string literal: single quotes, with backslash and quote escaped. */
  static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The entry of a list of dictionaries to fill: the last one, unless it already has the key. */
  private static ObjectNode entryFor(ArrayNode entries, String key) {
    if (!entries.isEmpty() && !entries.get(entries.size() - 1).has(key)) {
      return (ObjectNode) entries.get(entries.size() - 1);
    }
    return entries.addObject();
  }

  private static boolean contains(ArrayNode array, String text) {
    for (JsonNode element : array) {
      if (element.asString().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode observable(String type, String id) {
    ObjectNode object = NODES.objectNode();
    object.put("type", type);
    object.put("spec_version", "2.1");
    object.put("id", id);
    return object;
  }

  /** STIX 2.1 requires protocols on network traffic and is_multipart on e-mail messages. */
  private static void requiredDefaults(ObjectNode object) {
    switch (object.path("type").asString()) {
      case "network-traffic" -> {
        if (!object.has("protocols")) {
          String end = object.path("src_ref").asString(object.path("dst_ref").asString(""));
          object
              .putArray("protocols")
              .add(end.startsWith("ipv6-addr") ? "ipv6" : end.startsWith("ipv4") ? "ipv4" : "tcp");
        }
      }
      case "email-message" -> {
        if (!object.has("is_multipart")) {
          object.put("is_multipart", false);
        }
      }
      default -> {}
    }
  }
}
