package org.mamori.sharing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.mamori.sharing.ReportStage;
import org.springframework.stereotype.Component;

/** Builds the report page for one reader: only what they may read, and what they may do. */
@Component
class ReportPages {

  private final ReportVersions versions;
  private final Taxonomy taxonomy;
  private final Directory directory;
  private final SharingMap map;
  private final AccessPolicy access;
  private final Sanitisation sanitisation;
  private final SpreadSightings sightings;
  private final Markings markings;
  private final ReportDisclosures disclosures;
  private final ReportClocks clocks;

  ReportPages(
      ReportVersions versions,
      Taxonomy taxonomy,
      Directory directory,
      SharingMap map,
      AccessPolicy access,
      Sanitisation sanitisation,
      SpreadSightings sightings,
      Markings markings,
      ReportDisclosures disclosures,
      ReportClocks clocks) {
    this.disclosures = disclosures;
    this.clocks = clocks;
    this.versions = versions;
    this.taxonomy = taxonomy;
    this.directory = directory;
    this.map = map;
    this.access = access;
    this.sanitisation = sanitisation;
    this.sightings = sightings;
    this.markings = markings;
  }

  /** The page, or empty when the reader may not read the case at all. */
  Optional<ReportPage> page(Report report, Actor reader) {
    boolean ours = reader.organisation().equals(report.originator());
    Disclosure shown = disclosures.of(report);
    if ((!report.released() && !ours) || !access.mayRead(reader, shown)) {
      return Optional.empty();
    }
    AccessPolicy.Reader tlp = access.readerFor(reader);
    List<ReportVersion> visible =
        versions.of(report.id()).stream()
            .filter(v -> v.released() || ours)
            .filter(v -> tlp.mayRead(shown.under(v.tlp())))
            .toList();
    Set<OrganisationId> organisationIds = new HashSet<>();
    organisationIds.add(report.originator());
    report
        .hopsInOrder()
        .forEach(
            h -> {
              organisationIds.add(new OrganisationId(h.organisationId()));
              if (h.fromOrganisation() != null) {
                organisationIds.add(new OrganisationId(h.fromOrganisation()));
              }
            });
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(organisationIds);
    Map<PersonId, PersonSummary> people =
        directory.people(
            Stream.concat(
                    visible.stream().map(v -> new PersonId(v.author())),
                    report.hopsInOrder().stream()
                        .map(Hop::forwardedBy)
                        .filter(Objects::nonNull)
                        .map(PersonId::new))
                .toList());
    Map<String, LocalizedText> names = names();
    OrganisationSummary originator = organisations.get(report.originator());
    SectorId sector = report.sectorId() == null ? null : new SectorId(report.sectorId());
    return Optional.of(
        new ReportPage(
            report.id(),
            report.reference(),
            report.tlp(),
            report.emergency(),
            name(originator),
            originator == null ? "" : originator.code(),
            sector == null ? null : sectorName(sector),
            sector == null ? null : taxonomy.verificationLevel(sector).orElse(null),
            report.submittedAt(),
            views(visible, people, names),
            timeline(report, visible, organisations, people),
            actions(report, reader, visible),
            sightings.of(report, reader, visible),
            clocks
                .of(
                    new ReportClocks.Case(
                        report.id(), report.originator(), report.sectorId(), visible))
                .orElse(null)));
  }

  private List<ReportPage.VersionView> views(
      List<ReportVersion> visible,
      Map<PersonId, PersonSummary> people,
      Map<String, LocalizedText> names) {
    List<ReportPage.VersionView> views = new ArrayList<>();
    ReportVersion previous = null;
    for (ReportVersion v : visible) {
      views.add(
          new ReportPage.VersionView(
              v.number(),
              v.stage(),
              v.tlp(),
              v.writtenAt(),
              person(people, v.author()),
              v.state(),
              v.decisionNote(),
              v.summary(),
              v.occurredAt(),
              v.detectedAt(),
              names.getOrDefault("event:" + v.eventType(), new LocalizedText(v.eventType(), "")),
              names.getOrDefault("impact:" + v.impact(), new LocalizedText(v.impact(), "")),
              v.causes().stream()
                  .map(c -> names.getOrDefault("cause:" + c, new LocalizedText(c, "")))
                  .toList(),
              v.service(),
              v.otherSectorsAffected(),
              v.verificationLevel(),
              v.responseStatus(),
              v.details(),
              v.indicators(),
              previous == null ? List.of() : changes(previous, v)));
      previous = v;
    }
    return views;
  }

  /** The fields a version changed, by their form names (the page labels them). */
  static List<String> changes(ReportVersion before, ReportVersion after) {
    ReportContent a = before.content();
    ReportContent b = after.content();
    List<String> changed = new ArrayList<>();
    Map<String, Function<ReportContent, Object>> fields =
        Map.ofEntries(
            Map.entry("summary", ReportContent::summary),
            Map.entry("occurredAt", ReportContent::occurredAt),
            Map.entry("detectedAt", ReportContent::detectedAt),
            Map.entry("eventType", ReportContent::eventType),
            Map.entry("impact", ReportContent::impact),
            Map.entry("causes", c -> Set.copyOf(c.causes())),
            Map.entry("service", ReportContent::service),
            Map.entry("otherSectorsAffected", ReportContent::otherSectorsAffected),
            Map.entry("verificationLevel", ReportContent::verificationLevel),
            Map.entry("responseStatus", ReportContent::responseStatus),
            Map.entry("details", ReportContent::details),
            Map.entry("indicators", ReportContent::indicators),
            Map.entry("tlp", ReportContent::tlp));
    for (String field : FIELD_ORDER) {
      Function<ReportContent, Object> value = fields.get(field);
      if (!Objects.equals(value.apply(a), value.apply(b))) {
        changed.add(field);
      }
    }
    return changed;
  }

  private static final List<String> FIELD_ORDER =
      Arrays.asList(
          "summary",
          "occurredAt",
          "detectedAt",
          "eventType",
          "impact",
          "causes",
          "service",
          "otherSectorsAffected",
          "verificationLevel",
          "responseStatus",
          "details",
          "indicators",
          "tlp");

  private List<ReportPage.TimelineEntry> timeline(
      Report report,
      List<ReportVersion> visible,
      Map<OrganisationId, OrganisationSummary> organisations,
      Map<PersonId, PersonSummary> people) {
    List<ReportPage.TimelineEntry> entries = new ArrayList<>();
    LocalizedText originator = name(organisations.get(report.originator()));
    for (ReportVersion v : visible) {
      entries.add(
          new ReportPage.TimelineEntry(
              v.decidedAt() != null && v.released() ? v.decidedAt() : v.writtenAt(),
              v.released()
                  ? ReportPage.TimelineEntry.Kind.RELEASED
                  : ReportPage.TimelineEntry.Kind.WRITTEN,
              originator,
              null,
              person(people, v.author()),
              "#" + v.number(),
              false));
    }
    for (Hop hop : report.hopsInOrder()) {
      LocalizedText at = name(organisations.get(new OrganisationId(hop.organisationId())));
      LocalizedText from =
          hop.fromOrganisation() == null
              ? originator
              : name(organisations.get(new OrganisationId(hop.fromOrganisation())));
      entries.add(
          new ReportPage.TimelineEntry(
              hop.receivedAt(),
              ReportPage.TimelineEntry.Kind.RECEIVED,
              at,
              from,
              null,
              "",
              hop.emergency()));
      if (hop.forwardedAt() != null) {
        entries.add(
            new ReportPage.TimelineEntry(
                hop.forwardedAt(),
                ReportPage.TimelineEntry.Kind.FORWARDED,
                at,
                null,
                hop.forwardedBy() == null ? null : person(people, hop.forwardedBy()),
                hop.assessment(),
                false));
      }
    }
    entries.sort(Comparator.comparing(ReportPage.TimelineEntry::at));
    return entries;
  }

  private ReportPage.Actions actions(Report report, Actor reader, List<ReportVersion> visible) {
    boolean ours = reader.organisation().equals(report.originator());
    boolean pending =
        visible.stream().anyMatch(v -> v.state() == ReportVersion.State.AWAITING_APPROVAL);
    boolean closed = visible.stream().anyMatch(v -> v.released() && v.stage() == ReportStage.FINAL);
    boolean forward =
        report.hopAt(reader.organisation()).map(h -> !h.forwarded()).orElse(false)
            && access.can(reader, Capability.RELAY)
            && map.nextHops(reader.organisation(), SharingDirection.REPORT).stream()
                .anyMatch(hop -> !hop.emergency());
    Integer approve =
        ours && access.can(reader, Capability.APPROVE)
            ? visible.stream()
                .filter(v -> v.state() == ReportVersion.State.AWAITING_APPROVAL)
                .map(ReportVersion::number)
                .findFirst()
                .orElse(null)
            : null;
    return new ReportPage.Actions(
        ours && access.can(reader, Capability.REPORT) && !pending && !closed,
        forward,
        approve,
        markings.choices(reader, report),
        !visible.isEmpty() && sanitisation.mayPublish(reader, report));
  }

  private Map<String, LocalizedText> names() {
    Map<String, LocalizedText> names = new java.util.HashMap<>();
    taxonomy.eventTypes().forEach(o -> names.put("event:" + o.code(), o.name()));
    taxonomy.impacts().forEach(o -> names.put("impact:" + o.code(), o.name()));
    taxonomy.causes().forEach(o -> names.put("cause:" + o.code(), o.name()));
    return names;
  }

  private @Nullable LocalizedText sectorName(SectorId sector) {
    return directory.sectors().stream()
        .filter(s -> s.id().equals(sector))
        .map(s -> s.name())
        .findFirst()
        .orElse(null);
  }

  private static LocalizedText name(@Nullable OrganisationSummary organisation) {
    return organisation == null
        ? new LocalizedText("?", "?")
        : new LocalizedText(organisation.nameJa(), organisation.nameEn());
  }

  private static String person(Map<PersonId, PersonSummary> people, UUID id) {
    PersonSummary person = people.get(new PersonId(id));
    return person == null ? "" : person.displayName();
  }
}
