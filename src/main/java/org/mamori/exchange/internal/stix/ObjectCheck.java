package org.mamori.exchange.internal.stix;

import tools.jackson.databind.JsonNode;

/**
 * A check across the properties of one object (this one needs that one, that one only when ...).
 * Property values have been checked on their own already; these look only at well-formed ones.
 */
@FunctionalInterface
interface ObjectCheck {

  void check(JsonNode object, Findings findings);

  /** {@code later} must not be earlier than {@code earlier} (or, strictly, must be later). */
  static ObjectCheck order(String earlier, String later, boolean strictly) {
    return (object, findings) -> {
      StixTimestamp from = timestamp(object, earlier);
      StixTimestamp to = timestamp(object, later);
      if (from == null || to == null) {
        return;
      }
      int comparison = to.compareTo(from);
      if (strictly && comparison <= 0) {
        findings.add(Where.OBJECT.at(later), StixRule.NOT_LATER_THAN, later, earlier);
      } else if (comparison < 0) {
        findings.add(Where.OBJECT.at(later), StixRule.EARLIER_THAN, later, earlier);
      }
    };
  }

  static ObjectCheck atLeastOneOf(String... names) {
    return (object, findings) -> {
      for (String name : names) {
        if (object.has(name)) {
          return;
        }
      }
      findings.add(Where.OBJECT, StixRule.NEEDS_ONE_OF, String.join(", ", names));
    };
  }

  static ObjectCheck notBoth(String one, String other) {
    return (object, findings) -> {
      if (object.has(one) && object.has(other)) {
        findings.add(Where.OBJECT.at(other), StixRule.MUTUALLY_EXCLUSIVE, one, other);
      }
    };
  }

  /** When {@code present} is there, {@code needed} must be too. */
  static ObjectCheck requires(String present, String needed) {
    return (object, findings) -> {
      if (object.has(present) && !object.has(needed)) {
        findings.add(Where.OBJECT.at(present), StixRule.REQUIRES, present, needed);
      }
    };
  }

  /** {@code name} must be present when the boolean {@code flag} has the given value. */
  static ObjectCheck requiredWhen(String name, String flag, boolean value) {
    return (object, findings) -> {
      JsonNode set = object.path(flag);
      if (set.isBoolean() && set.booleanValue() == value && !object.has(name)) {
        findings.add(Where.OBJECT, StixRule.REQUIRED_WHEN, name, flag, value);
      }
    };
  }

  /** {@code name} must be absent when the boolean {@code flag} has the given value. */
  static ObjectCheck forbiddenWhen(String name, String flag, boolean value) {
    return (object, findings) -> {
      JsonNode set = object.path(flag);
      if (set.isBoolean() && set.booleanValue() == value && object.has(name)) {
        findings.add(Where.OBJECT.at(name), StixRule.FORBIDDEN_WHEN, name, flag, value);
      }
    };
  }

  private static StixTimestamp timestamp(JsonNode object, String name) {
    JsonNode value = object.path(name);
    return value.isString() ? StixTimestamp.parse(value.stringValue()) : null;
  }
}
