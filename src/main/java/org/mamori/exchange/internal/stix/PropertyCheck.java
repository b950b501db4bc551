package org.mamori.exchange.internal.stix;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A check on one property value. The constants and factories here are the STIX 2.1 data types
 * (string, timestamp, list, hashes, kill-chain-phase, ...); {@link StixCatalogue} assigns them to
 * the properties of each object type.
 */
@FunctionalInterface
interface PropertyCheck {

  void check(JsonNode value, Where where, Findings findings);

  /** Any value: for properties whose shape another rule checks (the identifiers in _ref). */
  PropertyCheck ANY = (value, where, findings) -> {};

  PropertyCheck STRING =
      (value, where, findings) -> {
        if (!value.isString()) {
          findings.add(where, StixRule.EXPECTED_STRING);
        }
      };

  PropertyCheck BOOLEAN =
      (value, where, findings) -> {
        if (!value.isBoolean()) {
          findings.add(where, StixRule.EXPECTED_BOOLEAN);
        }
      };

  PropertyCheck INTEGER = integer(Long.MIN_VALUE, Long.MAX_VALUE);

  PropertyCheck NON_NEGATIVE_INTEGER = integer(0, Long.MAX_VALUE);

  PropertyCheck TIMESTAMP =
      (value, where, findings) -> {
        if (!value.isString()) {
          findings.add(where, StixRule.EXPECTED_STRING);
        } else if (StixTimestamp.parse(value.stringValue()) == null) {
          findings.add(where, StixRule.BAD_TIMESTAMP, value.stringValue());
        }
      };

  /** created and modified: STIX requires them to the millisecond. */
  PropertyCheck TIMESTAMP_MILLISECONDS =
      (value, where, findings) -> {
        if (!value.isString()) {
          findings.add(where, StixRule.EXPECTED_STRING);
          return;
        }
        StixTimestamp timestamp = StixTimestamp.parse(value.stringValue());
        if (timestamp == null) {
          findings.add(where, StixRule.BAD_TIMESTAMP, value.stringValue());
        } else if (timestamp.fractionDigits() < 3) {
          findings.add(where, StixRule.NEEDS_MILLISECONDS, where.name());
        }
      };

  PropertyCheck NON_EMPTY_OBJECT =
      (value, where, findings) -> {
        if (!value.isObject()) {
          findings.add(where, StixRule.EXPECTED_OBJECT);
        } else if (value.isEmpty()) {
          findings.add(where, StixRule.EMPTY_OBJECT);
        }
      };

  PropertyCheck STRING_LIST = listOf(STRING);

  PropertyCheck URL = string(StixValues::isUrl, StixRule.BAD_URL);

  PropertyCheck LANGUAGE = string(StixValues::isLanguageTag, StixRule.BAD_LANGUAGE_TAG);

  PropertyCheck HEX = string(StixValues::isHex, StixRule.BAD_HEX);

  PropertyCheck BINARY =
      (value, where, findings) -> {
        if (!value.isString()) {
          findings.add(where, StixRule.EXPECTED_STRING);
        } else if (!StixValues.isBase64(value.stringValue())) {
          findings.add(where, StixRule.BAD_BASE64);
        }
      };

  PropertyCheck HASHES =
      dictionary(
          (value, where, findings) -> {
            if (!value.isString()) {
              findings.add(where, StixRule.EXPECTED_STRING);
            } else if (!StixValues.isHashOf(where.name(), value.stringValue())) {
              findings.add(where, StixRule.BAD_HASH, value.stringValue(), where.name());
            }
          });

  PropertyCheck KILL_CHAIN_PHASES =
      listOf(
          object(
              Map.of("kill_chain_name", STRING, "phase_name", STRING),
              "kill_chain_name",
              "phase_name"));

  PropertyCheck EXTERNAL_REFERENCES =
      listOf(
          all(
              object(
                  Map.of(
                      "source_name", STRING,
                      "description", STRING,
                      "url", URL,
                      "external_id", STRING,
                      "hashes", HASHES),
                  "source_name"),
              PropertyCheck::externalReferenceContent));

  PropertyCheck GRANULAR_MARKINGS =
      listOf(
          all(
              object(
                  Map.of(
                      "selectors",
                      listOf(string(StixValues::isSelector, StixRule.BAD_SELECTOR)),
                      "marking_ref",
                      refTo("marking-definition"),
                      "lang",
                      LANGUAGE),
                  "selectors"),
              (value, where, findings) -> {
                if (value.isObject() && value.has("marking_ref") == value.has("lang")) {
                  findings.add(where, StixRule.MARKING_REF_OR_LANG);
                }
              }));

  PropertyCheck EXTENSION_TYPE =
      closed("new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");

  /** The content of an extension an extension-definition defines. */
  PropertyCheck DEFINED_EXTENSION =
      object(Map.of("extension_type", EXTENSION_TYPE), "extension_type");

  /**
   * extensions: keyed by an extension-definition id (with its extension_type) or by a predefined or
   * custom {@code *-ext} name.
   */
  PropertyCheck EXTENSIONS =
      (value, where, findings) -> {
        if (!value.isObject()) {
          findings.add(where, StixRule.EXPECTED_OBJECT);
          return;
        }
        if (value.isEmpty()) {
          findings.add(where, StixRule.EMPTY_OBJECT);
        }
        for (Map.Entry<String, JsonNode> extension : value.properties()) {
          String name = extension.getKey();
          Where at = where.at(name);
          if ("extension-definition".equals(StixValues.identifierType(name))) {
            DEFINED_EXTENSION.check(extension.getValue(), at, findings);
          } else if (name.endsWith("-ext") && StixValues.isTypeName(name)) {
            NON_EMPTY_OBJECT.check(extension.getValue(), at, findings);
          } else {
            findings.add(at, StixRule.BAD_EXTENSION_NAME, name);
          }
        }
      };

  /** Several checks on the same value, in order. */
  static PropertyCheck all(PropertyCheck... checks) {
    return (value, where, findings) -> {
      for (PropertyCheck check : checks) {
        check.check(value, where, findings);
      }
    };
  }

  static PropertyCheck integer(long min, long max) {
    return (value, where, findings) -> {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        findings.add(where, StixRule.EXPECTED_INTEGER);
      } else if (value.longValue() < min || value.longValue() > max) {
        findings.add(where, StixRule.OUT_OF_RANGE, bound(min), bound(max));
      }
    };
  }

  static PropertyCheck number(double min, double max) {
    return (value, where, findings) -> {
      if (!value.isNumber()) {
        findings.add(where, StixRule.EXPECTED_NUMBER);
      } else if (value.doubleValue() < min || value.doubleValue() > max) {
        findings.add(where, StixRule.OUT_OF_RANGE, bound(min), bound(max));
      }
    };
  }

  /** A string that must have a shape; the rule names the value. */
  static PropertyCheck string(Predicate<String> shape, StixRule rule) {
    return (value, where, findings) -> {
      if (!value.isString()) {
        findings.add(where, StixRule.EXPECTED_STRING);
      } else if (!shape.test(value.stringValue())) {
        findings.add(where, rule, value.stringValue());
      }
    };
  }

  /** A closed enumeration (unlike STIX open vocabularies, which take any string). */
  static PropertyCheck closed(String... allowed) {
    Set<String> values = Set.of(allowed);
    String listed = String.join(", ", allowed);
    return (value, where, findings) -> {
      if (!value.isString()) {
        findings.add(where, StixRule.EXPECTED_STRING);
      } else if (!values.contains(value.stringValue())) {
        findings.add(where, StixRule.NOT_ALLOWED_VALUE, value.stringValue(), listed);
      }
    };
  }

  /** A non-empty list whose every item passes the item check. */
  static PropertyCheck listOf(PropertyCheck item) {
    return (value, where, findings) -> {
      if (!value.isArray()) {
        findings.add(where, StixRule.EXPECTED_LIST);
        return;
      }
      if (value.isEmpty()) {
        findings.add(where, StixRule.EMPTY_LIST);
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = value.get(i);
        if (element.isNull()) {
          findings.add(where.at(i), StixRule.NULL_VALUE);
        } else {
          item.check(element, where.at(i), findings);
        }
      }
    };
  }

  /** A non-empty dictionary: keys of STIX dictionary form, values passing the value check. */
  static PropertyCheck dictionary(PropertyCheck entry) {
    return (value, where, findings) -> {
      NON_EMPTY_OBJECT.check(value, where, findings);
      if (!value.isObject()) {
        return;
      }
      for (Map.Entry<String, JsonNode> property : value.properties()) {
        Where at = where.at(property.getKey());
        if (!StixValues.isDictionaryKey(property.getKey())) {
          findings.add(at, StixRule.BAD_DICTIONARY_KEY, property.getKey());
        }
        entry.check(property.getValue(), at, findings);
      }
    };
  }

  /** A nested object with known properties (others pass) and required ones. */
  static PropertyCheck object(Map<String, PropertyCheck> properties, String... required) {
    List<String> requiredNames = Arrays.asList(required);
    return (value, where, findings) -> {
      if (!value.isObject()) {
        findings.add(where, StixRule.EXPECTED_OBJECT);
        return;
      }
      for (String name : requiredNames) {
        if (!value.has(name)) {
          findings.add(where, StixRule.MISSING_PROPERTY, name);
        }
      }
      for (Map.Entry<String, JsonNode> property : value.properties()) {
        PropertyCheck check = properties.get(property.getKey());
        if (check == null) {
          continue;
        }
        Where at = where.at(property.getKey());
        if (property.getValue().isNull()) {
          findings.add(at, StixRule.NULL_VALUE);
        } else {
          check.check(property.getValue(), at, findings);
        }
      }
    };
  }

  /**
   * A reference (or list of references) to objects of the given types. The identifier shape is
   * checked for every _ref property elsewhere; here only well-formed ones are looked at.
   */
  static PropertyCheck refTo(String... types) {
    Set<String> allowed = Set.of(types);
    String listed = String.join(", ", types);
    return eachIdentifier(
        (type, where, findings) -> {
          if (!allowed.contains(type)) {
            findings.add(where, StixRule.WRONG_REFERENCE_TARGET, where.name(), listed);
          }
        });
  }

  /** A reference (or list of references) to anything but the given types. */
  static PropertyCheck refNotTo(Set<String> types) {
    return eachIdentifier(
        (type, where, findings) -> {
          if (types.contains(type)) {
            findings.add(where, StixRule.REFERENCE_NOT_ALLOWED, where.name(), type);
          }
        });
  }

  /** Checks on the type of each well-formed identifier in a _ref or _refs value. */
  interface IdentifierTypeCheck {
    void check(String type, Where where, Findings findings);
  }

  private static PropertyCheck eachIdentifier(IdentifierTypeCheck check) {
    return (value, where, findings) -> {
      if (value.isString()) {
        String type = StixValues.identifierType(value.stringValue());
        if (type != null) {
          check.check(type, where, findings);
        }
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          JsonNode element = value.get(i);
          String type =
              element.isString() ? StixValues.identifierType(element.stringValue()) : null;
          if (type != null) {
            check.check(type, new Where(where, null, i), findings);
          }
        }
      }
    };
  }

  /**
   * Besides its source_name an external reference says where or what; references to CVE and CAPEC
   * use their id forms.
   */
  private static void externalReferenceContent(JsonNode value, Where where, Findings findings) {
    if (!value.isObject() || !value.path("source_name").isString()) {
      return;
    }
    if (!value.has("description") && !value.has("url") && !value.has("external_id")) {
      findings.add(where, StixRule.INCOMPLETE_EXTERNAL_REFERENCE);
    }
    JsonNode externalId = value.path("external_id");
    String source = value.path("source_name").stringValue();
    if (!externalId.isString()) {
      return;
    }
    boolean wrong =
        switch (source) {
          case "cve" -> !StixValues.isCveId(externalId.stringValue());
          case "capec" -> !StixValues.isCapecId(externalId.stringValue());
          default -> false;
        };
    if (wrong) {
      findings.add(
          where.at("external_id"),
          StixRule.BAD_EXTERNAL_ID,
          externalId.stringValue(),
          source.toUpperCase(Locale.ROOT));
    }
  }

  private static String bound(long value) {
    return value == Long.MAX_VALUE ? "∞" : value == Long.MIN_VALUE ? "-∞" : Long.toString(value);
  }

  private static String bound(double value) {
    if (value == Double.MAX_VALUE) {
      return "∞";
    }
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
