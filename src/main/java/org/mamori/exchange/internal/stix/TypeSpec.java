package org.mamori.exchange.internal.stix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What STIX 2.1 says about one object type: its kind, required properties, the check for each
 * property it defines (the common ones included) and the checks across properties.
 */
record TypeSpec(
    String type,
    Kind kind,
    List<String> required,
    Map<String, PropertyCheck> properties,
    List<ObjectCheck> checks) {

  /** The kinds of STIX objects, which share common properties. */
  enum Kind {
    /** Domain and relationship objects, language-content and extension-definition. */
    CORE,
    MARKING,
    /** Cyber-observable objects. */
    OBSERVABLE
  }

  /** Whether STIX defines this property on this type (custom ones are everything else). */
  boolean defines(String property) {
    return properties.containsKey(property);
  }

  static final class Builder {
    private final String type;
    private final Kind kind;
    private final List<String> required = new ArrayList<>();
    private final Map<String, PropertyCheck> properties = new LinkedHashMap<>();
    private final List<ObjectCheck> checks = new ArrayList<>();

    Builder(String type, Kind kind, List<String> required, Map<String, PropertyCheck> common) {
      this.type = type;
      this.kind = kind;
      this.required.addAll(required);
      this.properties.putAll(common);
    }

    Builder require(String... names) {
      required.addAll(List.of(names));
      return this;
    }

    Builder with(String name, PropertyCheck check) {
      properties.put(name, check);
      return this;
    }

    Builder with(PropertyCheck check, String... names) {
      for (String name : names) {
        properties.put(name, check);
      }
      return this;
    }

    Builder check(ObjectCheck check) {
      checks.add(check);
      return this;
    }

    TypeSpec build() {
      return new TypeSpec(
          type, kind, List.copyOf(required), Map.copyOf(properties), List.copyOf(checks));
    }
  }
}
