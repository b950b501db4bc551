package org.mamori.exchange.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mamori's reports and advisories as STIX 2.1 objects, and back: pure functions, no access
 * decision. The caller gives only what the reader may read (see {@link
 * org.mamori.sharing.ItemExport}). The same item always maps to the same ids; every object carries
 * its TLP 2.0 marking, and every bundle the marking-definitions it refers to.
 */
public final class StixMapping {

  private final StixObjects stix;
  private final ReportStix reports;
  private final AdvisoryStix advisories;

  public StixMapping(JsonMapper json) {
    this.stix = new StixObjects(json);
    this.reports = new ReportStix(stix);
    this.advisories = new AdvisoryStix(stix);
  }

  /** Every object of a report, one STIX version per released version it holds. */
  public List<ObjectNode> report(ExportedReport report) {
    return reports.toStix(report);
  }

  /** What {@link #report(ExportedReport)} wrote, read back. */
  public ExportedReport reportFrom(List<? extends JsonNode> objects) {
    return reports.fromStix(objects);
  }

  /** Every object of an advisory. */
  public List<ObjectNode> advisory(ExportedAdvisory advisory) {
    return advisories.toStix(advisory);
  }

  /** What {@link #advisory(ExportedAdvisory)} wrote, read back. */
  public ExportedAdvisory advisoryFrom(List<? extends JsonNode> objects) {
    return advisories.fromStix(objects);
  }

  /**
   * A bundle of the objects, each version once, with the TLP marking-definitions they refer to
   * ahead of them.
   */
  public ObjectNode bundle(List<ObjectNode> objects) {
    Map<String, ObjectNode> unique = new LinkedHashMap<>();
    Set<Tlp> markings = new LinkedHashSet<>();
    for (ObjectNode object : objects) {
      String key = object.path("id").asString() + "@" + object.path("modified").asString("");
      unique.putIfAbsent(key, object);
      StixObjects.texts(object, "object_marking_refs")
          .forEach(ref -> TlpMarkings.levelOf(ref).ifPresent(markings::add));
    }
    List<ObjectNode> all = new ArrayList<>();
    markings.stream().sorted().forEach(tlp -> all.add(TlpMarkings.definition(stix.json(), tlp)));
    all.addAll(unique.values());
    ObjectNode bundle = stix.json().createObjectNode();
    bundle.put("type", "bundle");
    bundle.put("id", "bundle--" + UUID.randomUUID());
    ArrayNode list = bundle.putArray("objects");
    all.forEach(list::add);
    return bundle;
  }
}
