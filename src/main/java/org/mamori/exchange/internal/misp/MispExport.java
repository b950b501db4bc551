package org.mamori.exchange.internal.misp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A STIX report (or grouping) and what its object_refs reference, as a MISP event MISP can import:
 * indicators and observables become attributes or MISP objects, vulnerabilities and notes
 * attributes, the author identity Orgc, the TLP marking the tlp taxonomy tag. It reads Mamori's own
 * MISP imports back exactly (uuids, types, categories, to_ids, comments; revoked objects as deleted
 * attributes) and other producers' STIX as far as MISP can hold it; what it cannot is listed as a
 * problem.
 *
 * <p>The event's distribution is "your organisation only": who may see it further is for the
 * receiving MISP's users to decide, as TLP asks.
 */
@Component
public class MispExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern MISP_LABEL = Pattern.compile("misp:([a-z_-]+)=\"(.*)\"");
  private static final Set<String> CONTAINERS = Set.of("report", "grouping");
  private static final Set<String> DEFINITIONS =
      Set.of("identity", "marking-definition", "extension-definition");

  /** MISP distribution values: the event only for the importing organisation, its parts inherit. */
  private static final String ORGANISATION_ONLY = "0";

  private static final String INHERIT = "5";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /**
   * Converts one report and the objects it references.
   *
   * @throws MispFormatException when there is no report or grouping among the objects
   */
  public MispExportResult export(Collection<? extends JsonNode> objects) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    objects.forEach(object -> byId.put(MispFields.text(object, "id"), object));
    JsonNode container =
        byId.values().stream()
            .filter(object -> CONTAINERS.contains(MispFields.text(object, "type")))
            .findFirst()
            .orElseThrow(() -> new MispFormatException("", MispReason.NO_REPORT));
    return new Conversion(container, byId).run();
  }

  /** The work of converting one report. */
  private static final class Conversion {
    private final JsonNode container;
    private final Map<String, JsonNode> byId;
    private final Optional<Tlp> eventTlp;
    private final ObjectNode event = JSON.createObjectNode();
    private final ArrayNode attributes;
    private final ArrayNode mispObjects;
    private final List<MispProblem> problems = new ArrayList<>();
    private final Set<String> inObservedData = new HashSet<>();
    private final Set<String> pointedAtByObservables = new HashSet<>();
    private final Map<String, String> comments = new HashMap<>();
    private final Set<String> commentNotes = new HashSet<>();
    private final Set<Set<Observables.Found>> indicated = new HashSet<>();

    Conversion(JsonNode container, Map<String, JsonNode> byId) {
      this.container = container;
      this.byId = byId;
      this.eventTlp = TlpMarkings.strictestOf(texts(container.path("object_marking_refs")));
      this.attributes = JSON.createArrayNode();
      this.mispObjects = JSON.createArrayNode();
    }

    MispExportResult run() {
      List<JsonNode> referenced = new ArrayList<>();
      for (String id : new LinkedHashSet<>(texts(container.path("object_refs")))) {
        JsonNode object = byId.get(id);
        if (object == null) {
          problems.add(MispProblem.of(id, MispReason.REFERENCE_MISSING, id));
        } else {
          referenced.add(object);
        }
      }
      findObservablesAndComments(referenced);
      List<JsonNode> relationships = new ArrayList<>();
      for (JsonNode object : referenced) {
        if (type(object).equals("relationship")) {
          relationships.add(object);
        } else {
          convert(object);
        }
      }
      relationships.forEach(this::objectReference);
      fillEvent();
      ObjectNode document = JSON.createObjectNode();
      document.set("Event", event);
      return new MispExportResult(document, problems);
    }

    /**
     * Observables an observed-data holds are read through it, and those another observable points
     * at through that one, not on their own; one that is exactly what an indicator of the report
     * detects is that indicator's attribute, not a second one; a note on an observed-data is the
     * comment MISP keeps on the attribute.
     */
    private void findObservablesAndComments(List<JsonNode> referenced) {
      for (JsonNode object : referenced) {
        if (type(object).equals("observed-data")) {
          inObservedData.addAll(texts(object.path("object_refs")));
        } else if (type(object).equals("indicator")
            && MispFields.text(object, "pattern_type").equals("stix")) {
          StixPatterns.read(MispFields.text(object, "pattern"))
              .filter(found -> !found.isEmpty())
              .ifPresent(found -> indicated.add(Set.copyOf(found)));
        }
      }
      byId.values().stream()
          .filter(Conversion::isObservable)
          .forEach(observable -> pointedAtByObservables.addAll(references(observable)));
      for (JsonNode note : referenced) {
        if (!type(note).equals("note")) {
          continue;
        }
        for (String target : texts(note.path("object_refs"))) {
          JsonNode annotated = byId.get(target);
          if (annotated != null && type(annotated).equals("observed-data")) {
            comments.put(target, MispFields.text(note, "content"));
            commentNotes.add(MispFields.text(note, "id"));
          }
        }
      }
    }

    private void convert(JsonNode object) {
      String id = MispFields.text(object, "id");
      switch (type(object)) {
        case "indicator" -> indicator(object);
        case "observed-data" -> observedData(object);
        case "vulnerability" -> valueAttribute(object, "vulnerability", "name", "description");
        case "note" -> {
          if (!commentNotes.contains(id)) {
            valueAttribute(
                object, labels(object).getOrDefault("type", "text"), "content", "abstract");
          }
        }
        default -> {
          if (isObservable(object)) {
            standaloneObservable(object);
          } else if (!DEFINITIONS.contains(type(object))) {
            problems.add(MispProblem.of(id, MispReason.TYPE_NOT_EXPRESSIBLE, id, type(object)));
          }
        }
      }
    }

    /** A relationship from a MISP object to another attribute or object of the event. */
    private void objectReference(JsonNode relationship) {
      String id = MispFields.text(relationship, "id");
      String source = StixIds.uuidOf(MispFields.text(relationship, "source_ref"));
      String target = StixIds.uuidOf(MispFields.text(relationship, "target_ref"));
      Optional<ObjectNode> from =
          elements(mispObjects).filter(object -> uuid(object).equals(source)).findFirst();
      boolean toKnown =
          Stream.concat(elements(attributes), elements(mispObjects))
              .anyMatch(object -> uuid(object).equals(target));
      String type = MispFields.text(relationship, "relationship_type");
      if (from.isEmpty() || !toKnown) {
        problems.add(MispProblem.of(id, MispReason.RELATIONSHIP_NOT_EXPRESSIBLE, id, type));
        return;
      }
      ObjectNode reference = from.get().withArrayProperty("ObjectReference").addObject();
      reference.put("uuid", StixIds.uuidOf(id));
      reference.put("object_uuid", source);
      reference.put("referenced_uuid", target);
      reference.put("relationship_type", type);
      reference.put("comment", MispFields.text(relationship, "description"));
      reference.put("timestamp", changed(relationship));
      if (relationship.path("revoked").asBoolean(false)) {
        reference.put("deleted", true);
      }
    }

    private static Stream<ObjectNode> elements(ArrayNode array) {
      List<ObjectNode> elements = new ArrayList<>();
      array.forEach(element -> elements.add((ObjectNode) element));
      return elements.stream();
    }

    private static String uuid(JsonNode mispThing) {
      return MispFields.text(mispThing, "uuid");
    }

    private void indicator(JsonNode indicator) {
      String id = MispFields.text(indicator, "id");
      String pattern = MispFields.text(indicator, "pattern");
      Optional<List<Observables.Found>> found =
          MispFields.text(indicator, "pattern_type").equals("stix")
              ? StixPatterns.read(pattern)
              : Optional.empty();
      if (found.isEmpty()
          || !shape(indicator, found.get(), true, MispFields.text(indicator, "description"))) {
        problems.add(MispProblem.of(id, MispReason.PATTERN_NOT_EXPRESSIBLE, id, pattern));
      }
    }

    private void observedData(JsonNode observed) {
      String id = MispFields.text(observed, "id");
      List<JsonNode> observables = new ArrayList<>();
      for (String ref : texts(observed.path("object_refs"))) {
        JsonNode observable = byId.get(ref);
        if (observable == null) {
          problems.add(MispProblem.of(id, MispReason.REFERENCE_MISSING, ref));
        } else {
          observables.add(observable);
        }
      }
      List<JsonNode> roots = roots(observables);
      String comment = comments.getOrDefault(id, "");
      if (roots.size() == 1) {
        if (!shape(observed, read(roots.get(0)), false, comment)) {
          problems.add(MispProblem.of(id, MispReason.OBSERVATION_NOT_EXPRESSIBLE, id));
        }
        return;
      }
      if (roots.isEmpty()) {
        problems.add(MispProblem.of(id, MispReason.OBSERVATION_NOT_EXPRESSIBLE, id));
      }
      for (JsonNode root : roots) {
        if (!shape(root, read(root), false, comment)) {
          String rootId = MispFields.text(root, "id");
          problems.add(MispProblem.of(rootId, MispReason.OBSERVATION_NOT_EXPRESSIBLE, rootId));
        }
      }
    }

    private void standaloneObservable(JsonNode observable) {
      String id = MispFields.text(observable, "id");
      if (inObservedData.contains(id) || pointedAtByObservables.contains(id)) {
        return;
      }
      List<Observables.Found> found = read(observable);
      if (!indicated.contains(Set.copyOf(found)) && !shape(observable, found, false, "")) {
        problems.add(MispProblem.of(id, MispReason.OBSERVATION_NOT_EXPRESSIBLE, id));
      }
    }

    /**
     * Writes what values at paths are: one attribute when one type holds exactly them, otherwise a
     * MISP object whose template holds them all. False when neither can.
     */
    private boolean shape(
        JsonNode stixObject, List<Observables.Found> found, boolean toIds, String comment) {
      Map<String, String> labels = labels(stixObject);
      Set<ObjectPath> paths =
          found.stream().map(Observables.Found::path).collect(Collectors.toSet());
      if (!labels.containsKey("name")) {
        Optional<MispTypes.Mapping> mapping =
            MispTypes.reading(paths, Optional.ofNullable(labels.get("type")))
                .filter(fitting -> onceEach(fitting, found, labels.containsKey("type")));
        if (mapping.isPresent()) {
          List<String> parts = new ArrayList<>();
          for (ObjectPath slot : mapping.get().slots()) {
            found.stream()
                .filter(value -> value.path().equals(slot))
                .findFirst()
                .ifPresent(value -> parts.add(value.value()));
          }
          ObjectNode attribute =
              attribute(stixObject, mapping.get().type(), String.join("|", parts), toIds, comment);
          tags(stixObject, attribute);
          attributes.add(attribute);
          return true;
        }
      }
      Optional<MispTemplates.Template> template =
          paths.isEmpty()
              ? Optional.empty()
              : MispTemplates.covering(paths, Optional.ofNullable(labels.get("name")));
      template.ifPresent(chosen -> mispObject(stixObject, chosen, found, toIds, comment));
      return template.isPresent();
    }

    /** A type reads as a single attribute only when each of its paths has one value. */
    private static boolean onceEach(
        MispTypes.Mapping mapping, List<Observables.Found> found, boolean labelled) {
      for (ObjectPath slot : mapping.slots()) {
        long values = found.stream().filter(value -> value.path().equals(slot)).count();
        if (values != 1 && !(labelled && values > 1)) {
          return false;
        }
      }
      return true;
    }

    private void mispObject(
        JsonNode stixObject,
        MispTemplates.Template template,
        List<Observables.Found> found,
        boolean toIds,
        String comment) {
      String uuid = StixIds.uuidOf(MispFields.text(stixObject, "id"));
      Map<String, String> labels = labels(stixObject);
      ObjectNode mispObject = mispObjects.addObject();
      mispObject.put("uuid", uuid);
      mispObject.put("name", template.name());
      mispObject.put(
          "meta-category", labels.getOrDefault("meta-category", template.metaCategory()));
      mispObject.put("template_uuid", template.uuid());
      mispObject.put("template_version", template.version());
      mispObject.put("timestamp", changed(stixObject));
      mispObject.put("distribution", INHERIT);
      mispObject.put("comment", comment);
      if (stixObject.path("revoked").asBoolean(false)) {
        mispObject.put("deleted", true);
      }
      ArrayNode members = mispObject.putArray("Attribute");
      List<MispObjectAttributes.Attribute> kept = MispObjectAttributes.read(stixObject);
      Map<ObjectPath, Deque<String>> valuesAt = new HashMap<>();
      found.forEach(
          value ->
              valuesAt
                  .computeIfAbsent(value.path(), path -> new ArrayDeque<>())
                  .add(value.value()));
      if (kept.isEmpty()) {
        for (Observables.Found value : found) {
          template
              .memberAt(value.path())
              .ifPresent(
                  member ->
                      members.add(
                          member(
                              stixObject,
                              new MispObjectAttributes.Attribute(
                                  StixIds.derived(uuid, member.relation(), value.value()),
                                  member.relation(),
                                  member.type(),
                                  MispTypes.defaultCategory(member.type()),
                                  toIds,
                                  "",
                                  otherLabels(stixObject)),
                              value.value())));
        }
        return;
      }
      for (MispObjectAttributes.Attribute attribute : kept) {
        Optional<String> value =
            template
                .member(attribute.relation())
                .map(member -> valuesAt.getOrDefault(member.path(), new ArrayDeque<>()).poll());
        value.ifPresent(present -> members.add(member(stixObject, attribute, present)));
      }
    }

    private ObjectNode member(
        JsonNode stixObject, MispObjectAttributes.Attribute kept, String value) {
      ObjectNode member = JSON.createObjectNode();
      member.put("uuid", kept.uuid());
      member.put("object_relation", kept.relation());
      member.put("type", kept.type());
      member.put(
          "category",
          kept.category().isEmpty() ? MispTypes.defaultCategory(kept.type()) : kept.category());
      member.put("value", value);
      member.put("to_ids", kept.toIds());
      member.put("comment", kept.comment());
      member.put("timestamp", changed(stixObject));
      member.put("distribution", INHERIT);
      if (stixObject.path("revoked").asBoolean(false)) {
        member.put("deleted", true);
      }
      List<String> tags = new ArrayList<>();
      tlpTag(stixObject).ifPresent(tags::add);
      tags.addAll(kept.tags());
      tagList(member, tags);
      return member;
    }

    private void valueAttribute(
        JsonNode stixObject, String type, String valueProperty, String commentProperty) {
      String value = MispFields.text(stixObject, valueProperty);
      Map<String, String> labels = labels(stixObject);
      ObjectNode attribute =
          attribute(
              stixObject,
              type,
              value,
              labels.getOrDefault("to_ids", "").equalsIgnoreCase("true"),
              MispFields.text(stixObject, commentProperty));
      tags(stixObject, attribute);
      attributes.add(attribute);
    }

    private ObjectNode attribute(
        JsonNode stixObject, String type, String value, boolean toIds, String comment) {
      ObjectNode attribute = JSON.createObjectNode();
      attribute.put("uuid", StixIds.uuidOf(MispFields.text(stixObject, "id")));
      attribute.put("type", type);
      attribute.put(
          "category", labels(stixObject).getOrDefault("category", MispTypes.defaultCategory(type)));
      attribute.put("value", value);
      attribute.put("to_ids", toIds);
      attribute.put("comment", comment);
      attribute.put("timestamp", changed(stixObject));
      attribute.put("distribution", INHERIT);
      if (stixObject.path("revoked").asBoolean(false)) {
        attribute.put("deleted", true);
      }
      return attribute;
    }

    /** Labels that are not misp-stix field labels go back as tags, with the TLP when it differs. */
    private void tags(JsonNode stixObject, ObjectNode attribute) {
      List<String> names = new ArrayList<>();
      tlpTag(stixObject).ifPresent(names::add);
      names.addAll(otherLabels(stixObject));
      tagList(attribute, names);
    }

    /** The tlp tag of an object whose TLP is not the event's. */
    private Optional<String> tlpTag(JsonNode stixObject) {
      return TlpMarkings.strictestOf(texts(stixObject.path("object_marking_refs")))
          .filter(level -> !eventTlp.equals(Optional.of(level)))
          .map(MispTags::tagOf);
    }

    /** When a STIX object last changed; observables have no time of their own: the report's. */
    private String changed(JsonNode stixObject) {
      return stixObject.has("modified")
          ? seconds(stixObject, "modified")
          : seconds(container, "modified");
    }

    private void fillEvent() {
      Map<String, String> labels = labels(container);
      boolean published = type(container).equals("report");
      event.put("uuid", StixIds.uuidOf(MispFields.text(container, "id")));
      event.put("info", MispFields.text(container, "name"));
      event.put("date", date(container));
      event.put("timestamp", seconds(container, "modified"));
      event.put("published", published);
      if (published) {
        event.put("publish_timestamp", seconds(container, "published"));
      }
      event.put("threat_level_id", labels.getOrDefault("threat_level_id", "4"));
      event.put("analysis", labels.getOrDefault("analysis", "0"));
      event.put("distribution", ORGANISATION_ONLY);
      JsonNode author = byId.get(MispFields.text(container, "created_by_ref"));
      if (author != null) {
        ObjectNode orgc = event.putObject("Orgc");
        orgc.put("name", MispFields.text(author, "name"));
        orgc.put("uuid", StixIds.uuidOf(MispFields.text(author, "id")));
      }
      ArrayNode tags = event.putArray("Tag");
      eventTlp.ifPresent(level -> tags.addObject().put("name", MispTags.tagOf(level)));
      otherLabels(container).forEach(label -> tags.addObject().put("name", label));
      event.set("Attribute", attributes);
      event.set("Object", mispObjects);
    }

    private List<Observables.Found> read(JsonNode root) {
      return Observables.read(root, byId::get, knownPaths());
    }

    /** Observables not pointed at by another of the same observation: where values start. */
    private List<JsonNode> roots(List<JsonNode> observables) {
      Set<String> pointedAt = new HashSet<>();
      observables.forEach(observable -> pointedAt.addAll(references(observable)));
      return observables.stream()
          .filter(observable -> !pointedAt.contains(MispFields.text(observable, "id")))
          .toList();
    }

    private static boolean isObservable(JsonNode object) {
      return !object.has("created") && object.has("id") && !DEFINITIONS.contains(type(object));
    }
  }

  private static Set<ObjectPath> knownPaths() {
    return Stream.concat(MispTypes.knownPaths().stream(), MispTemplates.knownPaths().stream())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The ids an observable's *_ref and *_refs properties hold. */
  private static Set<String> references(JsonNode observable) {
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, JsonNode> property : observable.properties()) {
      if (property.getKey().endsWith("_ref") && property.getValue().isString()) {
        ids.add(property.getValue().asString());
      } else if (property.getKey().endsWith("_refs")) {
        ids.addAll(texts(property.getValue()));
      }
    }
    return ids;
  }

  private static void tagList(ObjectNode holder, List<String> names) {
    if (!names.isEmpty()) {
      ArrayNode tags = holder.putArray("Tag");
      names.forEach(name -> tags.addObject().put("name", name));
    }
  }

  /** The labels that are tags rather than misp-stix's field labels. */
  private static List<String> otherLabels(JsonNode stixObject) {
    return texts(stixObject.path("labels")).stream()
        .filter(label -> !MISP_LABEL.matcher(label).matches())
        .toList();
  }

  /** misp-stix's {@code misp:field="value"} labels, by field. */
  private static Map<String, String> labels(JsonNode stixObject) {
    Map<String, String> fields = new HashMap<>();
    for (String label : texts(stixObject.path("labels"))) {
      Matcher matcher = MISP_LABEL.matcher(label);
      if (matcher.matches()) {
        fields.putIfAbsent(matcher.group(1), matcher.group(2));
      }
    }
    return fields;
  }

  private static String type(JsonNode object) {
    return MispFields.text(object, "type");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    for (JsonNode element : array) {
      if (element.isString()) {
        texts.add(element.asString());
      }
    }
    return texts;
  }

  private static String seconds(JsonNode stixObject, String property) {
    return instant(stixObject, property).map(at -> String.valueOf(at.getEpochSecond())).orElse("");
  }

  /**
   * MISP's date of the event: the day the report was created. A MISP import starts its created at
   * the very beginning of the event's date ({@link MispImport#EARLIEST_ZONE}), which gives that
   * date back; otherwise it is the day in Japan, where Mamori's users are.
   */
  private static String date(JsonNode container) {
    return instant(container, "created")
        .map(
            at -> {
              OffsetDateTime earliest = at.atOffset(MispImport.EARLIEST_ZONE);
              return earliest.toLocalTime().equals(LocalTime.MIDNIGHT)
                  ? earliest.toLocalDate()
                  : at.atZone(JAPAN).toLocalDate();
            })
        .map(LocalDate::toString)
        .orElse("");
  }

  private static Optional<Instant> instant(JsonNode stixObject, String property) {
    try {
      return Optional.of(Instant.parse(MispFields.text(stixObject, property)));
    } catch (DateTimeParseException notATimestamp) {
      return Optional.empty();
    }
  }
}
