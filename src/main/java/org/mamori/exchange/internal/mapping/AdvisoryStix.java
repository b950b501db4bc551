package org.mamori.exchange.internal.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.Disclosure;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedIndicator;
import org.mamori.sharing.ExportedOrganisation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An advisory (情報提供) as STIX 2.1, and back: a {@code report} (type {@code threat-report}) by the
 * issuer's identity, a {@code note} carrying the title and the body, and the indicators with their
 * observables. A sanitised release names its reporter only as an anonymised identity ("an operator
 * in the electricity sector"), whose id is made from the sector alone, so it reveals nothing more
 * than its name.
 */
final class AdvisoryStix {

  private final StixObjects stix;
  private final IndicatorStix indicators;

  AdvisoryStix(StixObjects stix) {
    this.stix = stix;
    this.indicators = new IndicatorStix(stix);
  }

  static String reportId(UUID advisory) {
    return StixIds.mamori("report", "advisory:" + advisory);
  }

  static String noteId(UUID advisory) {
    return StixIds.mamori("note", "advisory:" + advisory);
  }

  /** The same for every release from a sector, and for nothing else. */
  static String anonymousReporterId(@Nullable String sectorCode) {
    return StixIds.mamori(
        "identity", "anonymous-operator:" + (sectorCode == null ? "" : sectorCode));
  }

  /** Every object of the advisory; the caller has decided the reader may read it. */
  List<ObjectNode> toStix(ExportedAdvisory advisory) {
    List<ObjectNode> objects = new ArrayList<>(stix.own());
    String author = ReportStix.identityId(advisory.issuer().id());
    Instant issued = advisory.issuedAt();
    Tlp tlp = advisory.tlp();
    objects.add(issuer(advisory.issuer()));

    Set<String> refs = new LinkedHashSet<>();
    refs.add(author);
    refs.add(noteId(advisory.id()));
    if (advisory.sanitisedSource() != null) {
      ObjectNode reporter = anonymousReporter(advisory.sanitisedSource());
      objects.add(reporter);
      refs.add(reporter.get("id").asString());
    }
    for (ExportedIndicator found : advisory.indicators()) {
      ObjectNode indicator =
          indicators.indicator("advisory:" + advisory.id(), found, issued, issued, author, tlp);
      ObjectNode observable = indicators.observable(found, tlp);
      objects.add(indicator);
      objects.add(observable);
      refs.add(indicator.get("id").asString());
      refs.add(observable.get("id").asString());
    }

    ObjectNode report = stix.sdo("report", reportId(advisory.id()), issued, issued, author, tlp);
    report.put("name", advisory.title());
    report.putArray("report_types").add("threat-report");
    report.put("published", StixTime.exact(issued));
    ArrayNode objectRefs = report.putArray("object_refs");
    refs.forEach(objectRefs::add);
    ObjectNode mamori = StixObjects.mamori(report);
    mamori.put("kind", "advisory");
    mamori.put("mamori_id", advisory.id().toString());
    mamori.put("reference", advisory.reference());
    mamori.put("issued_at", StixTime.exact(issued));
    if (advisory.acknowledgeBy() != null) {
      mamori.put("acknowledge_by", StixTime.exact(advisory.acknowledgeBy()));
    }
    mamori.put("indicators", advisory.indicatorsText());
    if (advisory.sanitisedSource() != null) {
      mamori.put(
          "sanitised_source_ref", anonymousReporterId(advisory.sanitisedSource().sectorCode()));
    }
    objects.add(report);

    ObjectNode note = stix.sdo("note", noteId(advisory.id()), issued, issued, author, tlp);
    note.put("abstract", advisory.title());
    note.put("content", advisory.body());
    note.putArray("object_refs").add(reportId(advisory.id()));
    objects.add(note);
    return objects;
  }

  private ObjectNode issuer(ExportedOrganisation organisation) {
    ObjectNode identity =
        stix.organisation(ReportStix.identityId(organisation.id()), organisation.nameJa(), null);
    ObjectNode mamori = StixObjects.mamori(identity);
    mamori.put("organisation_id", organisation.id().value().toString());
    mamori.put("name_en", organisation.nameEn());
    if (organisation.sectorCode() != null) {
      mamori.put("sector_code", organisation.sectorCode());
    }
    return identity;
  }

  private ObjectNode anonymousReporter(ExportedAdvisory.SanitisedSource source) {
    ObjectNode identity =
        stix.organisation(
            anonymousReporterId(source.sectorCode()),
            source.reporter().ja(),
            source.reporter().en());
    ObjectNode mamori = StixObjects.mamori(identity);
    mamori.put("name_en", source.reporter().en());
    if (source.sectorCode() != null) {
      mamori.put("sector_code", source.sectorCode());
    }
    return identity;
  }

  /**
   * The advisory as Mamori knows it, from the objects {@link #toStix} wrote (in any order). The
   * disclosure names no recipients: who an advisory reached never travels in STIX.
   *
   * @throws IllegalArgumentException when the objects are not an advisory Mamori wrote
   */
  ExportedAdvisory fromStix(List<? extends JsonNode> objects) {
    Map<String, JsonNode> byId = new HashMap<>();
    JsonNode report = null;
    for (JsonNode object : objects) {
      String id = StixObjects.text(object, "id");
      byId.put(id, object);
      if ("report".equals(object.path("type").asString(""))) {
        report = object;
      }
    }
    if (report == null) {
      throw new IllegalArgumentException("no report among the objects");
    }
    JsonNode m = StixObjects.mamoriOf(report);
    JsonNode note = byId.get(noteId(UUID.fromString(StixObjects.text(m, "mamori_id"))));
    if (note == null) {
      throw new IllegalArgumentException("the advisory's note is not among the objects");
    }
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
    ExportedAdvisory.SanitisedSource source = null;
    String sourceRef = StixObjects.optionalText(m, "sanitised_source_ref");
    if (sourceRef != null) {
      JsonNode reporter = byId.get(sourceRef);
      if (reporter == null) {
        throw new IllegalArgumentException(sourceRef + " is referred to but not among the objects");
      }
      JsonNode r = StixObjects.mamoriOf(reporter);
      source =
          new ExportedAdvisory.SanitisedSource(
              StixObjects.optionalText(r, "sector_code"),
              new LocalizedText(
                  StixObjects.text(reporter, "name"), StixObjects.text(r, "name_en")));
    }
    ExportedOrganisation issuer =
        ReportStix.organisation(byId, StixObjects.text(report, "created_by_ref"));
    Tlp tlp = StixObjects.markingOf(report);
    return new ExportedAdvisory(
        UUID.fromString(StixObjects.text(m, "mamori_id")),
        StixObjects.text(m, "reference"),
        issuer,
        StixObjects.text(report, "name"),
        StixObjects.text(note, "content"),
        StixObjects.text(m, "indicators"),
        found,
        tlp,
        StixObjects.time(m, "issued_at"),
        StixObjects.optionalTime(m, "acknowledge_by"),
        source,
        new Disclosure(issuer.id(), tlp, Set.of(), Set.of()));
  }
}
