package org.mamori.exchange.internal.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.access.Disclosure;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedIndicator;
import org.mamori.sharing.ExportedOrganisation;
import org.mamori.sharing.ExportedReport;
import org.mamori.sharing.ExportedReportVersion;
import org.mamori.sharing.ReportStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report (情報連絡) as STIX 2.1, and back. Each released version becomes one STIX version (same id,
 * {@code modified} = when it was released) of:
 *
 * <ul>
 *   <li>an {@code incident} with the OASIS incident-core extension (determination, investigation
 *       status, criticality, incident types, availability/confidentiality/integrity impacts) and
 *       Mamori's extension for the version's own fields;
 *   <li>a {@code report} (type {@code incident}) that refers to the incident, the originator's and
 *       the route's identities, the indicators and their observables, with Mamori's extension for
 *       the case (reference, marking, route);
 *   <li>an {@code indicator} per indicator listed in that version.
 * </ul>
 *
 * The incident-core properties follow the extension's published JSON schema, with impacts embedded
 * in the incident: the extension's 2.0 draft moves them to separate {@code impact} objects whose
 * category extensions the OASIS STIX 2.1 schema rejects. Reading back takes every Mamori field from
 * Mamori's extension, so the derived incident-core values never have to be inverted.
 */
final class ReportStix {

  /** incident-core's event-type vocabulary for what Mamori's event types threaten. */
  private static final Map<String, String> INCIDENT_TYPES =
      Map.of(
          "AVAILABILITY", "denial-of-service",
          "CONFIDENTIALITY", "unauthorized-release",
          "INTEGRITY", "modification-information",
          "LEADS_TO", "compromised-system",
          "NOT_OCCURRED", "failed",
          "OTHER", "unspecified");

  /** Availability impact (0–100, incident-core appendix A, qualitative) of service impacts. */
  private static final Map<String, Integer> AVAILABILITY =
      Map.of("stopped", 75, "unusable", 50, "degraded", 20);

  private static final String LEAKED = "information-leaked";
  private static final String TAMPERED = "information-tampered";
  private static final String NO_EFFECT_YET = "none-yet";

  private final StixObjects stix;
  private final IndicatorStix indicators;

  ReportStix(StixObjects stix) {
    this.stix = stix;
    this.indicators = new IndicatorStix(stix);
  }

  static String incidentId(UUID report) {
    return StixIds.mamori("incident", "report:" + report);
  }

  static String reportId(UUID report) {
    return StixIds.mamori("report", "report:" + report);
  }

  static String identityId(OrganisationId organisation) {
    return StixIds.mamori("identity", "organisation:" + organisation.value());
  }

  /**
   * Every object of the report, every version of each; the caller has dropped the versions the
   * reader may not read. Objects are marked with the stricter of the report's and the version's
   * marking.
   */
  List<ObjectNode> toStix(ExportedReport report) {
    if (report.versions().isEmpty()) {
      throw new IllegalArgumentException(report.reference() + " has no version to export");
    }
    List<ObjectNode> objects = new ArrayList<>(stix.own());
    String author = identityId(report.originator().id());
    Map<String, ObjectNode> identities = new LinkedHashMap<>();
    identities.put(author, identity(report.originator()));
    report
        .route()
        .forEach(
            h -> identities.put(identityId(h.organisation().id()), identity(h.organisation())));
    objects.addAll(identities.values());

    Instant created = report.submittedAt();
    Map<String, ObjectNode> observables = new LinkedHashMap<>();
    for (ExportedReportVersion v : report.versions()) {
      Tlp tlp = report.disclosureOf(v).tlp();
      Instant modified = v.releasedAt().isBefore(created) ? created : v.releasedAt();
      Set<String> refs = new LinkedHashSet<>();
      refs.add(incidentId(report.id()));
      refs.addAll(identities.keySet());
      for (ExportedIndicator found : v.indicators()) {
        ObjectNode indicator =
            indicators.indicator("report:" + report.id(), found, created, modified, author, tlp);
        ObjectNode observable = indicators.observable(found, tlp);
        objects.add(indicator);
        refs.add(indicator.get("id").asString());
        refs.add(observable.get("id").asString());
        observables.merge(observable.get("id").asString(), observable, ReportStix::stricter);
      }
      objects.add(incident(report, v, created, modified, author, tlp));
      objects.add(report(report, v, created, modified, author, tlp, refs));
    }
    objects.addAll(observables.values());
    return objects;
  }

  private ObjectNode identity(ExportedOrganisation organisation) {
    ObjectNode identity =
        stix.organisation(identityId(organisation.id()), organisation.nameJa(), null);
    ObjectNode mamori = StixObjects.mamori(identity);
    mamori.put("organisation_id", organisation.id().value().toString());
    mamori.put("name_en", organisation.nameEn());
    if (organisation.sectorCode() != null) {
      mamori.put("sector_code", organisation.sectorCode());
    }
    return identity;
  }

  private ObjectNode incident(
      ExportedReport report,
      ExportedReportVersion v,
      Instant created,
      Instant modified,
      String author,
      Tlp tlp) {
    ObjectNode incident =
        stix.sdo("incident", incidentId(report.id()), created, modified, author, tlp);
    incident.put("name", v.summary());
    if (!v.details().isBlank()) {
      incident.put("description", v.details());
    }
    incidentCore(incident.putObject("extensions").putObject(StixObjects.INCIDENT_CORE), report, v);

    ObjectNode mamori = StixObjects.mamori(incident);
    mamori.put("version", v.number());
    mamori.put("stage", v.stage().name());
    mamori.put("tlp", StixObjects.tlpWord(v.tlp()));
    mamori.put("written_at", StixTime.exact(v.writtenAt()));
    mamori.put("released_at", StixTime.exact(v.releasedAt()));
    mamori.put("occurred_at", StixTime.exact(v.occurredAt()));
    mamori.put("detected_at", StixTime.exact(v.detectedAt()));
    ObjectNode eventType = mamori.putObject("event_type");
    eventType.put("code", v.eventType().code());
    eventType.put("threat_group", v.eventType().threatGroup());
    eventType.put("name_ja", v.eventType().name().ja());
    eventType.put("name_en", v.eventType().name().en());
    mamori.put("impact", v.impact());
    // STIX allows no empty list: no causes, no property
    if (!v.causes().isEmpty()) {
      ArrayNode causes = mamori.putArray("causes");
      v.causes().forEach(causes::add);
    }
    mamori.put("service", v.service());
    mamori.put("other_sectors_affected", v.otherSectorsAffected().name());
    mamori.put("verification_level", v.verificationLevel().name());
    mamori.put("response_status", v.responseStatus().name());
    mamori.put("indicators", v.indicatorsText());
    return incident;
  }

  /**
   * What incident-core can say of a version. Mamori's reports cover failures as well as attacks, so
   * the determination is about harm: none yet is a failed attempt, a first report whose
   * verification is still open is suspected, everything else succeeded in doing harm.
   */
  private static void incidentCore(
      ObjectNode core, ExportedReport report, ExportedReportVersion v) {
    String group = v.eventType().threatGroup();
    core.put("extension_type", "property-extension");
    boolean noHarmYet = "NOT_OCCURRED".equals(group) || NO_EFFECT_YET.equals(v.impact());
    core.put(
        "determination",
        noHarmYet
            ? "failed-attempt"
            : v.stage() == ReportStage.FIRST
                    && v.verificationLevel() == ExportedReportVersion.Verification.UNKNOWN
                ? "suspected"
                : "successful-attempt");
    core.put(
        "investigation_status",
        v.stage() == ReportStage.FINAL
                || v.responseStatus() == ExportedReportVersion.Response.RECOVERED
            ? "closed"
            : "open");
    // incident-core appendix B, "major / minor / critical": the emergency route is critical.
    if (report.emergency()) {
      core.put("criticality", 95);
    } else if (v.verificationLevel() == ExportedReportVersion.Verification.REACHED) {
      core.put("criticality", 70);
    } else if (v.verificationLevel() == ExportedReportVersion.Verification.NOT_REACHED) {
      core.put("criticality", 25);
    }
    core.putArray("incident_types").add(INCIDENT_TYPES.getOrDefault(group, "unspecified"));
    Integer availability = AVAILABILITY.get(v.impact());
    if (availability != null) {
      core.putArray("availability_impacts").addObject().put("availability_impact", availability);
    }
    if (LEAKED.equals(v.impact()) || "CONFIDENTIALITY".equals(group)) {
      ObjectNode leak = core.putArray("confidentiality_impacts").addObject();
      leak.put("information_type", "unknown");
      leak.put("loss_type", LEAKED.equals(v.impact()) ? "confirmed-loss" : "suspected-loss");
    }
    if (TAMPERED.equals(v.impact()) || "INTEGRITY".equals(group)) {
      ObjectNode tampering = core.putArray("integrity_impacts").addObject();
      tampering.put("information_type", "unknown");
      tampering.put(
          "alteration",
          TAMPERED.equals(v.impact()) ? "partial-modification" : "potential-modification");
    }
  }

  private ObjectNode report(
      ExportedReport report,
      ExportedReportVersion v,
      Instant created,
      Instant modified,
      String author,
      Tlp tlp,
      Set<String> refs) {
    ObjectNode object = stix.sdo("report", reportId(report.id()), created, modified, author, tlp);
    object.put("name", report.reference() + " " + v.summary());
    object.putArray("report_types").add("incident");
    object.put("published", StixTime.exact(v.releasedAt()));
    ArrayNode objectRefs = object.putArray("object_refs");
    refs.forEach(objectRefs::add);

    ObjectNode mamori = StixObjects.mamori(object);
    mamori.put("kind", "report");
    mamori.put("mamori_id", report.id().toString());
    mamori.put("reference", report.reference());
    if (report.sectorCode() != null) {
      mamori.put("sector_code", report.sectorCode());
    }
    mamori.put("tlp", StixObjects.tlpWord(report.tlp()));
    mamori.put("emergency", report.emergency());
    mamori.put("submitted_at", StixTime.exact(report.submittedAt()));
    for (ExportedReport.Hop hop : report.route()) {
      ObjectNode entry =
          (mamori.has("route") ? (ArrayNode) mamori.get("route") : mamori.putArray("route"))
              .addObject();
      entry.put("organisation_ref", identityId(hop.organisation().id()));
      entry.put("step", hop.step());
      if (hop.from() != null) {
        entry.put("from_ref", identityId(hop.from()));
      }
      entry.put("channel", hop.channel());
      entry.put("emergency", hop.emergency());
      entry.put("received_at", StixTime.exact(hop.receivedAt()));
      if (hop.forwardedAt() != null) {
        entry.put("forwarded_at", StixTime.exact(hop.forwardedAt()));
      }
      entry.put("assessment", hop.assessment());
    }
    return object;
  }

  /** The same observable listed by versions under different markings carries the strictest. */
  private static ObjectNode stricter(ObjectNode kept, ObjectNode other) {
    return StixObjects.markingOf(other).isStricterThan(StixObjects.markingOf(kept)) ? other : kept;
  }

  /**
   * The report as Mamori knows it, from the objects {@link #toStix} wrote (in any order). The
   * disclosure names no people: they never travel in STIX.
   *
   * @throws IllegalArgumentException when the objects are not a report Mamori wrote
   */
  ExportedReport fromStix(List<? extends JsonNode> objects) {
    Map<String, JsonNode> byId = new HashMap<>();
    List<JsonNode> incidents = new ArrayList<>();
    Map<String, JsonNode> reportVersions = new HashMap<>();
    for (JsonNode object : objects) {
      String type = object.path("type").asString("");
      switch (type) {
        case "incident" -> incidents.add(object);
        case "report" -> reportVersions.put(StixObjects.text(object, "modified"), object);
        default -> byId.put(StixObjects.text(object, "id"), object);
      }
    }
    if (incidents.isEmpty()) {
      throw new IllegalArgumentException("no incident among the objects");
    }
    incidents.sort(Comparator.comparingInt(i -> StixObjects.mamoriOf(i).path("version").asInt()));
    JsonNode latest =
        reportVersions.values().stream()
            .max(Comparator.comparing(r -> StixObjects.time(r, "modified")))
            .orElseThrow(() -> new IllegalArgumentException("no report among the objects"));
    JsonNode caseData = StixObjects.mamoriOf(latest);

    List<ExportedReport.Hop> route = new ArrayList<>();
    for (JsonNode entry : caseData.path("route").values()) {
      String from = StixObjects.optionalText(entry, "from_ref");
      route.add(
          new ExportedReport.Hop(
              organisation(byId, StixObjects.text(entry, "organisation_ref")),
              entry.path("step").asInt(),
              from == null ? null : organisation(byId, from).id(),
              StixObjects.text(entry, "channel"),
              entry.path("emergency").asBoolean(),
              StixObjects.time(entry, "received_at"),
              StixObjects.optionalTime(entry, "forwarded_at"),
              StixObjects.text(entry, "assessment")));
    }
    List<ExportedReportVersion> versions = new ArrayList<>();
    for (JsonNode incident : incidents) {
      JsonNode report = reportVersions.get(StixObjects.text(incident, "modified"));
      if (report == null) {
        throw new IllegalArgumentException(
            "no report version beside incident version " + StixObjects.text(incident, "modified"));
      }
      versions.add(version(incident, report, byId));
    }
    ExportedOrganisation originator =
        organisation(byId, StixObjects.text(incidents.get(0), "created_by_ref"));
    Tlp tlp = StixObjects.tlpOf(StixObjects.text(caseData, "tlp"));
    return new ExportedReport(
        UUID.fromString(StixObjects.text(caseData, "mamori_id")),
        StixObjects.text(caseData, "reference"),
        originator,
        StixObjects.optionalText(caseData, "sector_code"),
        tlp,
        caseData.path("emergency").asBoolean(),
        StixObjects.time(caseData, "submitted_at"),
        versions,
        route,
        new Disclosure(
            originator.id(),
            tlp,
            route.stream().map(h -> h.organisation().id()).collect(Collectors.toSet()),
            Set.of()));
  }

  private static ExportedReportVersion version(
      JsonNode incident, JsonNode report, Map<String, JsonNode> byId) {
    JsonNode m = StixObjects.mamoriOf(incident);
    JsonNode eventType = m.path("event_type");
    List<ExportedIndicator> found = new ArrayList<>();
    for (String ref : StixObjects.texts(report, "object_refs")) {
      if (ref.startsWith("indicator--")) {
        JsonNode indicator = byId.get(ref);
        if (indicator == null) {
          throw new IllegalArgumentException(ref + " is referred to but not among the objects");
        }
        IndicatorStix.fromPattern(StixObjects.text(indicator, "pattern")).ifPresent(found::add);
      }
    }
    return new ExportedReportVersion(
        m.path("version").asInt(),
        ReportStage.valueOf(StixObjects.text(m, "stage")),
        StixObjects.tlpOf(StixObjects.text(m, "tlp")),
        StixObjects.time(m, "written_at"),
        StixObjects.time(m, "released_at"),
        StixObjects.text(incident, "name"),
        StixObjects.time(m, "occurred_at"),
        StixObjects.time(m, "detected_at"),
        new ExportedReportVersion.EventType(
            StixObjects.text(eventType, "code"),
            StixObjects.text(eventType, "threat_group"),
            new LocalizedText(
                StixObjects.text(eventType, "name_ja"), StixObjects.text(eventType, "name_en"))),
        StixObjects.text(m, "impact"),
        StixObjects.texts(m, "causes"),
        StixObjects.text(m, "service"),
        ExportedReportVersion.Answer.valueOf(StixObjects.text(m, "other_sectors_affected")),
        ExportedReportVersion.Verification.valueOf(StixObjects.text(m, "verification_level")),
        ExportedReportVersion.Response.valueOf(StixObjects.text(m, "response_status")),
        StixObjects.textOr(incident, "description", ""),
        StixObjects.text(m, "indicators"),
        found);
  }

  static ExportedOrganisation organisation(Map<String, JsonNode> byId, String identityRef) {
    JsonNode identity = byId.get(identityRef);
    if (identity == null) {
      throw new IllegalArgumentException(identityRef + " is referred to but not among the objects");
    }
    JsonNode m = StixObjects.mamoriOf(identity);
    return new ExportedOrganisation(
        new OrganisationId(UUID.fromString(StixObjects.text(m, "organisation_id"))),
        StixObjects.text(identity, "name"),
        StixObjects.text(m, "name_en"),
        StixObjects.optionalText(m, "sector_code"));
  }
}
