package org.mamori.exchange.internal.misp;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MISP event ({@code {"Event": {...}}}, as MISP's REST API and feeds write it) as STIX 2.1, after
 * misp-stix's conventions: a published event is a report, an unpublished one a grouping; Orgc an
 * identity; attributes with to_ids indicators, the others observed-data with their observables;
 * vulnerabilities vulnerability objects, text and comments notes; MISP objects one indicator or one
 * observed-data each, and their references relationships.
 *
 * <p>Every id comes from a MISP uuid, and {@code modified} from MISP's timestamps, so importing the
 * event again gives new versions of the same objects, never duplicates. A deleted attribute or
 * object becomes a revoked version, so deletions travel. The tlp taxonomy gives the TLP 2.0 marking
 * (an attribute's own tlp tag wins for that attribute); without one the objects carry no marking
 * and the importing collection's default applies. What cannot be mapped is listed as a problem,
 * never dropped in silence.
 */
@Component
public class MispImport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  /** STIX relationship types: lower-case letters, digits and hyphens. */
  private static final Pattern RELATIONSHIP_TYPE = Pattern.compile("[a-z0-9-]+");

  /** What a MISP attribute or object becomes, under its own uuid. */
  private static final Set<String> CONVERTED_TYPES =
      Set.of("indicator", "observed-data", "vulnerability", "note");

  /**
   * MISP says nothing about when an organisation was created; one fixed value keeps every import of
   * the same organisation the same version of its identity.
   */
  private static final String IDENTITY_CREATED = "1970-01-01T00:00:00.000Z";

  /** The zone where each day begins first. */
  static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

  /**
   * Reads one event from a stream.
   *
   * @throws MispFormatException when the stream is not JSON or not a MISP event
   */
  public MispImportResult read(InputStream in) {
    JsonNode document;
    try {
      document = JSON.readTree(in);
    } catch (JacksonException notJson) {
      throw new MispFormatException("", MispReason.NOT_JSON, notJson.getOriginalMessage());
    }
    return convert(document);
  }

  /**
   * Converts one event, given as {@code {"Event": {...}}} or as the bare event object.
   *
   * @throws MispFormatException when it is not a MISP event
   */
  public MispImportResult convert(JsonNode document) {
    JsonNode event = document.has("Event") ? document.get("Event") : document;
    if (event == null || !event.isObject() || !event.has("uuid")) {
      throw new MispFormatException("", MispReason.NOT_AN_EVENT);
    }
    return new Conversion(event).run();
  }

  /** The work of converting one event. */
  private static final class Conversion {
    private final JsonNode event;
    private final String eventUuid;
    private final Instant modified;
    private final Instant created;
    private final String containerId;
    private final MispTags eventTags;
    private final @Nullable String identityId;
    private final List<ObjectNode> contents = new ArrayList<>();
    private final List<MispProblem> problems = new ArrayList<>();
    private final Set<Tlp> levelsUsed = EnumSet.noneOf(Tlp.class);
    private boolean objectAttributesUsed;

    Conversion(JsonNode event) {
      this.event = event;
      this.eventUuid =
          StixIds.uuid(MispFields.text(event, "uuid")).orElseThrow(() -> invalid(event, "uuid"));
      if (MispFields.text(event, "info").isEmpty()) {
        throw invalid(event, "info");
      }
      this.modified =
          MispFields.seconds(event, "timestamp").orElseThrow(() -> invalid(event, "timestamp"));
      this.created = eventDate(event).orElse(Instant.EPOCH);
      this.containerId = (published() ? "report--" : "grouping--") + eventUuid;
      this.eventTags = MispTags.of(event);
      this.identityId =
          StixIds.uuid(MispFields.text(event.path("Orgc"), "uuid"))
              .filter(uuid -> !MispFields.text(event.path("Orgc"), "name").isEmpty())
              .map(uuid -> "identity--" + uuid)
              .orElse(null);
    }

    MispImportResult run() {
      for (JsonNode attribute : MispFields.list(event, "Attribute")) {
        attribute(attribute);
      }
      for (JsonNode object : MispFields.list(event, "Object")) {
        object(object);
      }
      Map<String, ObjectNode> converted = new HashMap<>();
      for (ObjectNode content : contents) {
        if (CONVERTED_TYPES.contains(content.get("type").asString())) {
          converted.put(StixIds.uuidOf(content.get("id").asString()), content);
        }
      }
      for (JsonNode object : MispFields.list(event, "Object")) {
        StixIds.uuid(MispFields.text(object, "uuid"))
            .map(converted::get)
            .ifPresent(
                source -> {
                  for (JsonNode reference : MispFields.list(object, "ObjectReference")) {
                    relationship(source, reference, converted);
                  }
                });
      }
      List<ObjectNode> objects = new ArrayList<>();
      if (identityId != null) {
        objects.add(identity());
      }
      objects.add(container());
      objects.addAll(contents);
      levelsUsed.forEach(level -> objects.add(TlpMarkings.definition(JSON, level)));
      if (objectAttributesUsed) {
        objects.add(MispObjectAttributes.author());
        objects.add(MispObjectAttributes.definition());
      }
      return new MispImportResult(eventUuid, modified, objects, problems);
    }

    /**
     * A MISP object reference (this file drops that one) as a relationship between what both ends
     * became, marked as strictly as the stricter end.
     */
    private void relationship(
        ObjectNode source, JsonNode reference, Map<String, ObjectNode> converted) {
      String type = MispFields.text(reference, "relationship_type");
      String referenced = MispFields.text(reference, "referenced_uuid");
      Optional<String> uuid = StixIds.uuid(MispFields.text(reference, "uuid"));
      ObjectNode target = StixIds.uuid(referenced).map(converted::get).orElse(null);
      if (uuid.isEmpty() || target == null || !RELATIONSHIP_TYPE.matcher(type).matches()) {
        problems.add(
            MispProblem.of(
                MispFields.text(reference, "uuid"),
                MispReason.REFERENCE_NOT_MAPPED,
                type,
                referenced));
        return;
      }
      List<String> ends = new ArrayList<>();
      for (ObjectNode end : List.of(source, target)) {
        end.path("object_marking_refs").forEach(marking -> ends.add(marking.asString()));
      }
      ObjectNode relationship =
          sdo(
              "relationship",
              uuid.get(),
              MispFields.seconds(reference, "timestamp").orElse(modified),
              TlpMarkings.strictestOf(ends),
              List.of(),
              MispFields.flag(reference, "deleted"));
      relationship.put("relationship_type", type);
      putIfPresent(relationship, "description", MispFields.text(reference, "comment"));
      relationship.put("source_ref", source.get("id").asString());
      relationship.put("target_ref", target.get("id").asString());
      contents.add(relationship);
    }

    private boolean published() {
      return MispFields.flag(event, "published");
    }

    private ObjectNode identity() {
      ObjectNode identity = JSON.createObjectNode();
      identity.put("type", "identity");
      identity.put("spec_version", "2.1");
      identity.put("id", identityId);
      identity.put("created", IDENTITY_CREATED);
      identity.put("modified", IDENTITY_CREATED);
      identity.put("name", MispFields.text(event.path("Orgc"), "name"));
      identity.put("identity_class", "organization");
      return identity;
    }

    private ObjectNode container() {
      List<String> labels = new ArrayList<>(eventTags.labels());
      for (String field : List.of("threat_level_id", "analysis")) {
        if (!MispFields.text(event, field).isEmpty()) {
          labels.add(label(field, MispFields.text(event, field)));
        }
      }
      ObjectNode container =
          sdo(StixIds.typeOf(containerId), eventUuid, modified, eventTags.tlp(), labels, false);
      container.put("name", MispFields.text(event, "info"));
      if (published()) {
        container.putArray("report_types").add("threat-report");
        Instant publishedAt = MispFields.seconds(event, "publish_timestamp").orElse(modified);
        container.put("published", StixIds.timestamp(publishedAt));
      } else {
        container.put("context", "suspicious-activity");
      }
      ArrayNode refs = container.putArray("object_refs");
      contents.forEach(object -> refs.add(object.get("id").asString()));
      if (refs.isEmpty()) {
        // STIX wants at least one reference; an event with nothing in it still names its author
        if (identityId == null) {
          throw new MispFormatException(eventUuid, MispReason.EVENT_EMPTY);
        }
        refs.add(identityId);
      }
      return container;
    }

    private void incomplete(JsonNode attribute) {
      String type = MispFields.text(attribute, "type");
      String value = MispFields.text(attribute, "value");
      String missing =
          StixIds.uuid(MispFields.text(attribute, "uuid")).isEmpty()
              ? "uuid"
              : type.isEmpty() ? "type" : "value";
      problems.add(
          MispProblem.of(
              MispFields.text(attribute, "uuid"),
              MispReason.ATTRIBUTE_INCOMPLETE,
              missing,
              type,
              value));
    }

    private void attribute(JsonNode attribute) {
      Optional<String> uuid = StixIds.uuid(MispFields.text(attribute, "uuid"));
      String type = MispFields.text(attribute, "type");
      String value = MispFields.text(attribute, "value");
      if (uuid.isEmpty() || type.isEmpty() || value.isEmpty()) {
        incomplete(attribute);
        return;
      }
      Optional<MispTypes.Mapping> mapping = MispTypes.of(type);
      if (mapping.isEmpty()) {
        problems.add(MispProblem.of(uuid.get(), MispReason.TYPE_NOT_MAPPED, type, value));
        return;
      }
      new AttributeConversion(attribute, uuid.get(), mapping.get(), value).run();
    }

    /** One top-level MISP attribute. */
    private final class AttributeConversion {
      private final String uuid;
      private final MispTypes.Mapping mapping;
      private final String value;
      private final boolean toIds;
      private final String comment;
      private final Instant changed;
      private final boolean deleted;
      private final Optional<Tlp> tlp;
      private final List<String> labels = new ArrayList<>();

      AttributeConversion(
          JsonNode attribute, String uuid, MispTypes.Mapping mapping, String value) {
        this.uuid = uuid;
        this.mapping = mapping;
        this.value = value;
        this.toIds = MispFields.flag(attribute, "to_ids");
        this.comment = MispFields.text(attribute, "comment");
        this.changed = MispFields.seconds(attribute, "timestamp").orElse(modified);
        this.deleted = MispFields.flag(attribute, "deleted");
        MispTags tags = MispTags.of(attribute);
        this.tlp = tags.tlp().or(eventTags::tlp);
        String category = MispFields.text(attribute, "category");
        labels.add(label("type", mapping.type()));
        labels.add(label("category", category.isEmpty() ? mapping.defaultCategory() : category));
        labels.addAll(tags.labels());
      }

      void run() {
        switch (mapping.form()) {
          case VULNERABILITY -> vulnerability();
          case NOTE -> note();
          case PATTERN_ONLY -> {
            if (toIds) {
              observable();
            } else {
              note();
            }
          }
          case OBSERVABLE -> observable();
        }
      }

      private void observable() {
        List<String> parts = mapping.split(value);
        Observables observables = new Observables(mapping.slots().get(0).rootType(), uuid);
        for (int i = 0; i < mapping.slots().size(); i++) {
          String part = i < parts.size() ? parts.get(i).strip() : "";
          if (part.isEmpty()
              || observables.place(mapping.slots().get(i), part, uuid)
                  != Observables.Placed.PLACED) {
            problems.add(MispProblem.of(uuid, MispReason.VALUE_INVALID, mapping.type(), value));
            return;
          }
        }
        if (toIds) {
          contents.add(indicator(uuid, changed, tlp, labels, deleted, observables, comment));
        } else {
          observedData(uuid, changed, tlp, labels, deleted, observables, comment);
        }
      }

      private void vulnerability() {
        ObjectNode vulnerability = sdo("vulnerability", uuid, changed, tlp, idsLabels(), deleted);
        vulnerability.put("name", value);
        putIfPresent(vulnerability, "description", comment);
        if (CVE.matcher(value).matches()) {
          ObjectNode reference = vulnerability.putArray("external_references").addObject();
          reference.put("source_name", "cve");
          reference.put("external_id", value);
        }
        contents.add(vulnerability);
      }

      private void note() {
        ObjectNode note = sdo("note", uuid, changed, tlp, idsLabels(), deleted);
        putIfPresent(note, "abstract", comment);
        note.put("content", value);
        note.putArray("object_refs").add(containerId);
        contents.add(note);
      }

      /** Only indicators say to_ids by what they are; the other kinds keep it as a label. */
      private List<String> idsLabels() {
        List<String> all = new ArrayList<>(labels);
        if (toIds) {
          all.add(label("to_ids", "True"));
        }
        return all;
      }
    }

    private void object(JsonNode object) {
      String name = MispFields.text(object, "name");
      Optional<String> uuid = StixIds.uuid(MispFields.text(object, "uuid"));
      if (uuid.isEmpty()) {
        problems.add(
            MispProblem.of(MispFields.text(object, "uuid"), MispReason.OBJECT_UUID_MISSING, name));
        return;
      }
      Optional<MispTemplates.Template> template = MispTemplates.named(name);
      if (template.isEmpty()) {
        problems.add(MispProblem.of(uuid.get(), MispReason.OBJECT_NOT_MAPPED, name));
        return;
      }
      Observables observables = new Observables(template.get().rootType(), uuid.get());
      List<MispObjectAttributes.Attribute> members = new ArrayList<>();
      Tlp strictest = null;
      Instant latest = null;
      boolean deleted = MispFields.flag(object, "deleted");
      for (JsonNode attribute : MispFields.list(object, "Attribute")) {
        if (!deleted && MispFields.flag(attribute, "deleted")) {
          continue; // gone from this version of the object
        }
        Optional<MispObjectAttributes.Attribute> member =
            member(template.get(), observables, attribute);
        if (member.isPresent()) {
          members.add(member.get());
          Optional<Tlp> level = MispTags.of(attribute).tlp().or(eventTags::tlp);
          if (level.isPresent() && (strictest == null || level.get().isStricterThan(strictest))) {
            strictest = level.get();
          }
          Optional<Instant> changed = MispFields.seconds(attribute, "timestamp");
          if (changed.isPresent() && (latest == null || changed.get().isAfter(latest))) {
            latest = changed.get();
          }
        }
      }
      boolean toIds = members.stream().anyMatch(MispObjectAttributes.Attribute::toIds);
      if (observables.isEmpty() || !toIds && !observables.complete()) {
        problems.add(MispProblem.of(uuid.get(), MispReason.OBJECT_INCOMPLETE, name));
        return;
      }
      Instant changed =
          MispFields.seconds(object, "timestamp").orElse(latest != null ? latest : modified);
      List<String> labels = new ArrayList<>();
      labels.add(label("name", name));
      labels.add(
          label(
              "meta-category",
              Optional.of(MispFields.text(object, "meta-category"))
                  .filter(category -> !category.isEmpty())
                  .orElse(template.get().metaCategory())));
      members.stream().flatMap(member -> member.tags().stream()).distinct().forEach(labels::add);
      String comment = MispFields.text(object, "comment");
      Optional<Tlp> tlp = Optional.ofNullable(strictest);
      if (toIds) {
        ObjectNode indicator =
            indicator(uuid.get(), changed, tlp, labels, deleted, observables, comment);
        MispObjectAttributes.write(indicator, members);
        contents.add(indicator);
      } else {
        ObjectNode observed =
            observedData(uuid.get(), changed, tlp, labels, deleted, observables, comment);
        MispObjectAttributes.write(observed, members);
      }
      objectAttributesUsed = true;
    }

    private Optional<MispObjectAttributes.Attribute> member(
        MispTemplates.Template template, Observables observables, JsonNode attribute) {
      String relation = MispFields.text(attribute, "object_relation");
      String value = MispFields.text(attribute, "value");
      Optional<String> uuid = StixIds.uuid(MispFields.text(attribute, "uuid"));
      if (uuid.isEmpty() || value.isEmpty()) {
        incomplete(attribute);
        return Optional.empty();
      }
      Optional<MispTemplates.Member> member = template.member(relation);
      if (member.isEmpty()) {
        problems.add(
            MispProblem.of(
                uuid.get(), MispReason.RELATION_NOT_MAPPED, template.name(), relation, value));
        return Optional.empty();
      }
      String type = MispFields.text(attribute, "type");
      switch (observables.place(member.get().path(), value, uuid.get())) {
        case TAKEN -> {
          problems.add(
              MispProblem.of(
                  uuid.get(), MispReason.RELATION_TAKEN, template.name(), relation, value));
          return Optional.empty();
        }
        case INVALID -> {
          problems.add(
              MispProblem.of(
                  uuid.get(),
                  MispReason.VALUE_INVALID,
                  type.isEmpty() ? member.get().type() : type,
                  value));
          return Optional.empty();
        }
        default -> {}
      }
      return Optional.of(
          new MispObjectAttributes.Attribute(
              uuid.get(),
              relation,
              type.isEmpty() ? member.get().type() : type,
              MispFields.text(attribute, "category"),
              MispFields.flag(attribute, "to_ids"),
              MispFields.text(attribute, "comment"),
              MispTags.of(attribute).labels()));
    }

    private ObjectNode indicator(
        String uuid,
        Instant changed,
        Optional<Tlp> tlp,
        List<String> labels,
        boolean deleted,
        Observables observables,
        String comment) {
      ObjectNode indicator = sdo("indicator", uuid, changed, tlp, labels, deleted);
      putIfPresent(indicator, "description", comment);
      indicator.put("pattern", observables.pattern());
      indicator.put("pattern_type", "stix");
      indicator.put("pattern_version", "2.1");
      indicator.put("valid_from", StixIds.timestamp(changed));
      return indicator;
    }

    /**
     * Observed-data, its observables and, since observed-data has no description, a note holding
     * the MISP comment; all added to the contents. Returns the observed-data.
     */
    private ObjectNode observedData(
        String uuid,
        Instant changed,
        Optional<Tlp> tlp,
        List<String> labels,
        boolean deleted,
        Observables observables,
        String comment) {
      ObjectNode observed = sdo("observed-data", uuid, changed, tlp, labels, deleted);
      String at = StixIds.timestamp(changed);
      observed.put("first_observed", at);
      observed.put("last_observed", at);
      observed.put("number_observed", 1);
      List<ObjectNode> scos = observables.objects(markings(tlp));
      ArrayNode refs = observed.putArray("object_refs");
      scos.forEach(sco -> refs.add(sco.get("id").asString()));
      contents.add(observed);
      contents.addAll(scos);
      if (!comment.isEmpty()) {
        ObjectNode note =
            sdo("note", StixIds.derived(uuid, "comment"), changed, tlp, List.of(), deleted);
        note.put("content", comment);
        note.putArray("object_refs").add(observed.get("id").asString());
        contents.add(note);
      }
      return observed;
    }

    /** The common properties of every domain and relationship object of the event. */
    private ObjectNode sdo(
        String type,
        String uuid,
        Instant changed,
        Optional<Tlp> tlp,
        List<String> labels,
        boolean revoked) {
      ObjectNode sdo = JSON.createObjectNode();
      sdo.put("type", type);
      sdo.put("spec_version", "2.1");
      sdo.put("id", type + "--" + uuid);
      if (identityId != null) {
        sdo.put("created_by_ref", identityId);
      }
      // created must stay the same in every version; modified may never be before it
      sdo.put("created", StixIds.timestamp(created));
      sdo.put("modified", StixIds.timestamp(changed.isBefore(created) ? created : changed));
      if (revoked) {
        sdo.put("revoked", true);
      }
      if (!labels.isEmpty()) {
        ArrayNode labelList = sdo.putArray("labels");
        labels.forEach(labelList::add);
      }
      List<String> markings = markings(tlp);
      if (!markings.isEmpty()) {
        ArrayNode markingList = sdo.putArray("object_marking_refs");
        markings.forEach(markingList::add);
      }
      return sdo;
    }

    private List<String> markings(Optional<Tlp> tlp) {
      tlp.ifPresent(levelsUsed::add);
      return tlp.map(level -> List.of(TlpMarkings.idOf(level))).orElse(List.of());
    }
  }

  /** misp-stix's label form for MISP fields STIX has no property for: {@code misp:type="md5"}. */
  static String label(String field, String value) {
    return "misp:" + field + "=\"" + value + "\"";
  }

  private static void putIfPresent(ObjectNode object, String property, String text) {
    if (!text.isEmpty()) {
      object.put(property, text);
    }
  }

  /**
   * The start of the event's date where it starts first (UTC+14): MISP's date is the creator's
   * local day, so this is never after the event's real creation, wherever it was made. Every object
   * of the event takes it as {@code created}, which STIX wants the same in every version.
   */
  private static Optional<Instant> eventDate(JsonNode event) {
    try {
      return Optional.of(
          LocalDate.parse(MispFields.text(event, "date")).atStartOfDay(EARLIEST_ZONE).toInstant());
    } catch (DateTimeParseException noDate) {
      return Optional.empty();
    }
  }

  private static MispFormatException invalid(JsonNode event, String field) {
    return new MispFormatException(
        MispFields.text(event, "uuid"), MispReason.EVENT_FIELD_INVALID, field);
  }
}
