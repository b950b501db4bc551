package org.mamori.exchange.internal.stix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks incoming STIX 2.1 against the specification before anything is stored: common properties,
 * identifiers, timestamps, references, markings, every type's required properties and closed
 * enumerations, and indicator patterns. Custom objects ({@code x-} types and types an
 * extension-definition declares) and custom properties pass when well-formed; other unknown types
 * are rejected. Stateless and thread-safe: a Spring bean, and just as usable with {@code new}.
 */
@Component
public class StixValidator {

  private static final Set<String> RESERVED_PROPERTIES =
      Set.of("severity", "action", "username", "phone_numbers");

  /** Dictionaries whose keys are data, not property names: a key ending in _ref is no reference. */
  private static final Set<String> DICTIONARIES =
      Set.of(
          "hashes",
          "file_header_hashes",
          "additional_header_fields",
          "ipfix",
          "environment_variables",
          "document_info_dict",
          "exif_tags",
          "request_header",
          "startup_info",
          "contents");

  /** The problems of one STIX object; empty when it is valid. */
  public List<StixProblem> validate(JsonNode object) {
    Findings findings = new Findings();
    validate(object, findings);
    return List.copyOf(findings.problems());
  }

  /**
   * Checks a bundle ({@code {"type": "bundle", "id": ..., "objects": [...]}}) or a TAXII envelope
   * ({@code {"objects": [...], "more": ...}}) object by object, and resolves the references of the
   * valid objects against each other (and the predefined TLP markings).
   */
  public BundleCheck validateBundle(JsonNode envelope) {
    List<StixProblem> envelopeProblems = new ArrayList<>();
    if (!envelope.isObject()) {
      envelopeProblems.add(StixProblem.of("", StixRule.NOT_AN_OBJECT));
      return new BundleCheck(envelopeProblems, List.of());
    }
    checkBundleHeader(envelope, envelopeProblems);
    JsonNode objects = envelope.path("objects");
    if (objects.isMissingNode()) {
      return new BundleCheck(envelopeProblems, List.of());
    }
    if (!objects.isArray()) {
      envelopeProblems.add(StixProblem.of("objects", StixRule.EXPECTED_LIST));
      return new BundleCheck(envelopeProblems, List.of());
    }
    List<Findings> all = new ArrayList<>(objects.size());
    Set<String> validIds = new HashSet<>();
    for (JsonNode object : objects) {
      Findings findings = new Findings();
      validate(object, findings);
      all.add(findings);
      if (findings.problems().isEmpty()) {
        validIds.add(object.path("id").stringValue());
      }
    }
    List<BundleCheck.ObjectCheck> checks = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      JsonNode id = objects.get(i).path("id");
      List<BundleCheck.UnresolvedReference> unresolved = new ArrayList<>();
      for (Findings.Reference reference : all.get(i).references()) {
        if (!validIds.contains(reference.id()) && TlpMarkings.levelOf(reference.id()).isEmpty()) {
          unresolved.add(
              new BundleCheck.UnresolvedReference(reference.where().toString(), reference.id()));
        }
      }
      checks.add(
          new BundleCheck.ObjectCheck(
              i, id.isString() ? id.stringValue() : null, all.get(i).problems(), unresolved));
    }
    return new BundleCheck(envelopeProblems, checks);
  }

  private static void checkBundleHeader(JsonNode envelope, List<StixProblem> problems) {
    JsonNode type = envelope.path("type");
    if (type.isMissingNode()) {
      return;
    }
    if (!type.isString() || !type.stringValue().equals("bundle")) {
      problems.add(StixProblem.of("type", StixRule.NOT_A_BUNDLE, type.asString("")));
      return;
    }
    JsonNode id = envelope.path("id");
    if (id.isMissingNode()) {
      problems.add(StixProblem.of("", StixRule.MISSING_PROPERTY, "id"));
    } else if (!id.isString() || StixValues.identifierType(id.stringValue()) == null) {
      problems.add(StixProblem.of("id", StixRule.BAD_IDENTIFIER, id.asString("")));
    } else if (!"bundle".equals(StixValues.identifierType(id.stringValue()))) {
      problems.add(StixProblem.of("id", StixRule.ID_TYPE_MISMATCH, id.stringValue(), "bundle"));
    }
  }

  private static void validate(JsonNode object, Findings findings) {
    if (!object.isObject()) {
      findings.add(Where.OBJECT, StixRule.NOT_AN_OBJECT);
      return;
    }
    JsonNode typeNode = object.path("type");
    if (typeNode.isMissingNode()) {
      findings.add(Where.OBJECT, StixRule.MISSING_PROPERTY, "type");
      return;
    }
    if (!typeNode.isString()) {
      findings.add(Where.OBJECT.at("type"), StixRule.EXPECTED_STRING);
      return;
    }
    String type = typeNode.stringValue();
    if (!StixValues.isTypeName(type)) {
      findings.add(Where.OBJECT.at("type"), StixRule.BAD_TYPE_NAME, type);
      return;
    }
    TypeSpec spec = StixCatalogue.specFor(type, object);
    if (spec == null) {
      findings.add(Where.OBJECT.at("type"), StixRule.UNKNOWN_TYPE, type);
      return;
    }
    for (String name : spec.required()) {
      if (!object.has(name)) {
        findings.add(Where.OBJECT, StixRule.MISSING_PROPERTY, name);
      }
    }
    for (Map.Entry<String, JsonNode> property : object.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      Where where = Where.OBJECT.at(name);
      if (name.equals("type")) {
        continue;
      }
      if (value.isNull()) {
        findings.add(where, StixRule.NULL_VALUE);
      } else if (name.equals("id")) {
        checkId(value, type, where, findings);
      } else if (name.equals("spec_version")) {
        checkSpecVersion(value, where, findings);
      } else if (spec.defines(name)) {
        spec.properties().get(name).check(value, where, findings);
      } else {
        checkCustomProperty(name, value, where, findings);
      }
    }
    collectReferences(object, Where.OBJECT, findings, spec, type.equals("observed-data"));
    for (ObjectCheck check : spec.checks()) {
      check.check(object, findings);
    }
  }

  private static void checkId(JsonNode id, String type, Where where, Findings findings) {
    if (!id.isString()) {
      findings.add(where, StixRule.EXPECTED_STRING);
      return;
    }
    String idType = StixValues.identifierType(id.stringValue());
    if (idType == null) {
      findings.add(where, StixRule.BAD_IDENTIFIER, id.stringValue());
    } else if (!idType.equals(type)) {
      findings.add(where, StixRule.ID_TYPE_MISMATCH, id.stringValue(), type);
    }
  }

  private static void checkSpecVersion(JsonNode version, Where where, Findings findings) {
    if (!version.isString()) {
      findings.add(where, StixRule.EXPECTED_STRING);
    } else if (!version.stringValue().equals("2.1")) {
      findings.add(where, StixRule.UNSUPPORTED_SPEC_VERSION, version.stringValue());
    }
  }

  /**
   * Custom properties are welcome when well-formed: a proper name, not reserved, no empty list;
   * names ending in _bin and _hex carry base64 and hex (their identifiers: see references).
   */
  private static void checkCustomProperty(
      String name, JsonNode value, Where where, Findings findings) {
    if (!StixValues.isPropertyName(name)) {
      findings.add(where, StixRule.BAD_PROPERTY_NAME, name);
    } else if (RESERVED_PROPERTIES.contains(name)) {
      findings.add(where, StixRule.RESERVED_PROPERTY, name);
    }
    if (name.endsWith("_bin")) {
      PropertyCheck.BINARY.check(value, where, findings);
    } else if (name.endsWith("_hex")) {
      PropertyCheck.HEX.check(value, where, findings);
    } else if (value.isArray() && value.isEmpty() && !name.endsWith("_refs")) {
      findings.add(where, StixRule.EMPTY_LIST);
    }
  }

  /**
   * Every property named *_ref holds an identifier and every *_refs a list of them, at any depth
   * (custom and extension properties included); the well-formed ones are collected for resolving.
   * The deprecated observed-data objects map refers by local keys and is left alone. An empty
   * string in a top-level custom _ref property means "none" and is accepted.
   */
  private static void collectReferences(
      JsonNode node, Where where, Findings findings, TypeSpec spec, boolean observedData) {
    boolean top = where == Where.OBJECT;
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      Where at = where.at(name);
      if (value.isNull()) {
        if (!top && (name.endsWith("_ref") || name.endsWith("_refs"))) {
          findings.add(at, StixRule.NULL_VALUE);
        }
      } else if (name.endsWith("_ref")) {
        if (top && !spec.defines(name) && value.isString() && value.stringValue().isEmpty()) {
          // MITRE ATT&CK writes "" for "no reference" in its own x_mitre_*_ref properties
          continue;
        }
        reference(value, at, findings);
      } else if (name.endsWith("_refs")) {
        if (!value.isArray()) {
          findings.add(at, StixRule.EXPECTED_LIST);
          continue;
        }
        if (value.isEmpty()) {
          findings.add(at, StixRule.EMPTY_LIST);
        }
        for (int i = 0; i < value.size(); i++) {
          reference(value.get(i), at.at(i), findings);
        }
      } else if (value.isContainer()
          && !DICTIONARIES.contains(name)
          && !(top && observedData && name.equals("objects"))) {
        descend(value, at, findings, spec);
      }
    }
  }

  private static void descend(JsonNode value, Where where, Findings findings, TypeSpec spec) {
    if (value.isObject()) {
      collectReferences(value, where, findings, spec, false);
    } else {
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = value.get(i);
        if (element.isContainer()) {
          descend(element, where.at(i), findings, spec);
        }
      }
    }
  }

  private static void reference(JsonNode value, Where where, Findings findings) {
    if (!value.isString()) {
      findings.add(where, StixRule.EXPECTED_STRING);
    } else if (StixValues.identifierType(value.stringValue()) == null) {
      findings.add(where, StixRule.BAD_IDENTIFIER, value.stringValue());
    } else {
      findings.refersTo(where, value.stringValue());
    }
  }
}
