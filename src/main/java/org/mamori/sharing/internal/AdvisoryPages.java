package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.stereotype.Component;

/** Builds the advisory page for one reader: only what they may read, and what they may do. */
@Component
class AdvisoryPages {

  private final Acknowledgements acknowledgements;
  private final AdvisoryReminders reminders;
  private final AdvisoryRelay relay;
  private final AdvisoryIssuing issuing;
  private final Reports reports;
  private final Sanitisation sanitisation;
  private final Directory directory;
  private final AccessPolicy access;
  private final Markings markings;
  private final ReportDisclosures disclosures;

  AdvisoryPages(
      Acknowledgements acknowledgements,
      AdvisoryReminders reminders,
      AdvisoryRelay relay,
      AdvisoryIssuing issuing,
      Reports reports,
      Sanitisation sanitisation,
      Directory directory,
      AccessPolicy access,
      Markings markings,
      ReportDisclosures disclosures) {
    this.disclosures = disclosures;
    this.acknowledgements = acknowledgements;
    this.reminders = reminders;
    this.relay = relay;
    this.issuing = issuing;
    this.reports = reports;
    this.sanitisation = sanitisation;
    this.directory = directory;
    this.access = access;
    this.markings = markings;
  }

  /** The page, or empty when the reader may not read the advisory at all. */
  Optional<AdvisoryPage> page(Advisory advisory, Actor reader, Locale locale) {
    if (!access.mayRead(reader, advisory.disclosure())) {
      return Optional.empty();
    }
    boolean issuer = reader.organisation().equals(advisory.issuer());
    Optional<AdvisoryHop> here = advisory.hopAt(reader.organisation());
    boolean involved = issuer || here.isPresent();
    List<Acknowledgement> acknowledged =
        involved && advisory.asksAcknowledgement() ? acknowledgements.of(advisory.id()) : List.of();
    List<AdvisoryReminders.Reminder> reminded = issuer ? reminders.of(advisory.id()) : List.of();
    List<OrganisationId> relayTo =
        here.isPresent() && access.can(reader, Capability.RELAY)
            ? relay.wouldReach(advisory, reader.organisation())
            : List.of();

    Set<OrganisationId> organisationIds = new HashSet<>(List.of(advisory.issuer()));
    Set<PersonId> personIds = new HashSet<>(List.of(advisory.author()));
    if (involved) {
      for (AdvisoryHop hop : advisory.hopsInOrder()) {
        organisationIds.add(new OrganisationId(hop.organisationId()));
        if (hop.relayedBy() != null) {
          personIds.add(new PersonId(hop.relayedBy()));
        }
      }
      organisationIds.addAll(advisory.audience().organisations());
      organisationIds.addAll(relayTo);
      acknowledged.forEach(a -> personIds.add(a.by()));
      reminded.forEach(r -> personIds.add(r.by()));
    }
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(organisationIds);
    Map<PersonId, PersonSummary> people = directory.people(personIds);
    Map<UUID, LocalizedText> sectors = new HashMap<>();
    directory.sectors().forEach(s -> sectors.put(s.id().value(), s.name()));

    return Optional.of(
        new AdvisoryPage(
            advisory.id(),
            advisory.reference(),
            advisory.tlp(),
            advisory.title(),
            advisory.body(),
            advisory.indicators(),
            name(organisations.get(advisory.issuer())),
            advisory.issuedAt(),
            advisory.acknowledgeBy(),
            source(advisory, reader, sectors, locale),
            involved ? audience(advisory, reader, organisations, sectors) : null,
            involved ? timeline(advisory, reader, organisations, people) : List.of(),
            here.isPresent() && advisory.asksAcknowledgement()
                ? mine(reader, acknowledged, people)
                : null,
            relayTo.isEmpty()
                ? null
                : new AdvisoryPage.Relay(
                    relayTo.stream().map(o -> name(organisations.get(o))).toList()),
            issuer ? status(advisory, reader, acknowledged, reminded, organisations, people) : null,
            markings.choices(reader, advisory)));
  }

  /** The reporter anonymised for everyone; the report's reference only for its own readers. */
  private AdvisoryPage.@Nullable Source source(
      Advisory advisory, Actor reader, Map<UUID, LocalizedText> sectors, Locale locale) {
    if (!advisory.sanitised()) {
      return null;
    }
    LocalizedText sector =
        advisory.sourceSector() == null ? null : sectors.get(advisory.sourceSector());
    String reference =
        reports
            .findById(Objects.requireNonNull(advisory.sourceReport()))
            .filter(Report::released)
            .filter(report -> access.mayRead(reader, disclosures.of(report)))
            .map(Report::reference)
            .orElse(null);
    return new AdvisoryPage.Source(sanitisation.reporter(sector, locale), reference);
  }

  /** Recipients learn of the named organisations only whether theirs is one of them. */
  private AdvisoryPage.Audience audience(
      Advisory advisory,
      Actor reader,
      Map<OrganisationId, OrganisationSummary> organisations,
      Map<UUID, LocalizedText> sectors) {
    AdvisoryAudience audience = advisory.audience();
    boolean issuer = reader.organisation().equals(advisory.issuer());
    List<LocalizedText> sectorNames = new ArrayList<>();
    for (SectorSummary sector : directory.sectors()) {
      if (audience.sectors().contains(sector.id())) {
        sectorNames.add(sectors.get(sector.id().value()));
      }
    }
    return new AdvisoryPage.Audience(
        audience.everyone(),
        sectorNames,
        audience.kinds().stream().sorted().toList(),
        audience.organisations().stream()
            .filter(o -> issuer || o.equals(reader.organisation()))
            .map(o -> name(organisations.get(o)))
            .sorted(Comparator.comparing(LocalizedText::ja))
            .toList());
  }

  /**
   * The issuer sees the whole journey. A recipient sees how the advisory came to it and whom it
   * passed it to, never who else received it: a list of recipients can tell who was targeted.
   */
  private List<AdvisoryPage.TimelineEntry> timeline(
      Advisory advisory,
      Actor reader,
      Map<OrganisationId, OrganisationSummary> organisations,
      Map<PersonId, PersonSummary> people) {
    LocalizedText issuer = name(organisations.get(advisory.issuer()));
    List<AdvisoryPage.TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new AdvisoryPage.TimelineEntry(
            advisory.issuedAt(),
            AdvisoryPage.TimelineEntry.Kind.ISSUED,
            issuer,
            null,
            person(people, advisory.author().value()),
            false));
    for (AdvisoryHop hop : visibleHops(advisory, reader)) {
      LocalizedText at = name(organisations.get(new OrganisationId(hop.organisationId())));
      entries.add(
          new AdvisoryPage.TimelineEntry(
              hop.receivedAt(),
              AdvisoryPage.TimelineEntry.Kind.RECEIVED,
              at,
              hop.fromOrganisation() == null
                  ? issuer
                  : name(organisations.get(new OrganisationId(hop.fromOrganisation()))),
              null,
              hop.addressed()));
      if (hop.relayedAt() != null) {
        entries.add(
            new AdvisoryPage.TimelineEntry(
                hop.relayedAt(),
                AdvisoryPage.TimelineEntry.Kind.RELAYED,
                at,
                null,
                hop.relayedBy() == null ? null : person(people, hop.relayedBy()),
                false));
      }
    }
    // A stable sort keeps issue → arrival → relay in that order when they share an instant.
    entries.sort(Comparator.comparing(AdvisoryPage.TimelineEntry::at));
    return entries;
  }

  private static List<AdvisoryHop> visibleHops(Advisory advisory, Actor reader) {
    List<AdvisoryHop> hops = advisory.hopsInOrder();
    if (reader.organisation().equals(advisory.issuer())) {
      return hops;
    }
    Map<UUID, AdvisoryHop> byOrganisation = new HashMap<>();
    hops.forEach(h -> byOrganisation.put(h.organisationId(), h));
    UUID here = reader.organisation().value();
    // The reader's own arrival and each arrival before it, back to the issuer.
    Set<UUID> shown = new HashSet<>();
    AdvisoryHop hop = byOrganisation.get(here);
    while (hop != null && shown.add(hop.organisationId())) {
      hop = hop.fromOrganisation() == null ? null : byOrganisation.get(hop.fromOrganisation());
    }
    return hops.stream()
        .filter(h -> shown.contains(h.organisationId()) || here.equals(h.fromOrganisation()))
        .toList();
  }

  private static AdvisoryPage.MyAcknowledgement mine(
      Actor reader, List<Acknowledgement> acknowledged, Map<PersonId, PersonSummary> people) {
    return acknowledged.stream()
        .filter(a -> a.organisation().equals(reader.organisation()))
        .findFirst()
        .map(
            a ->
                new AdvisoryPage.MyAcknowledgement(
                    a.at(), person(people, a.by().value()), a.late(), false))
        .orElse(new AdvisoryPage.MyAcknowledgement(null, null, false, true));
  }

  private AdvisoryPage.Status status(
      Advisory advisory,
      Actor reader,
      List<Acknowledgement> acknowledged,
      List<AdvisoryReminders.Reminder> reminded,
      Map<OrganisationId, OrganisationSummary> organisations,
      Map<PersonId, PersonSummary> people) {
    Map<OrganisationId, Acknowledgement> byOrganisation = new HashMap<>();
    acknowledged.forEach(a -> byOrganisation.put(a.organisation(), a));
    Map<OrganisationId, Instant> lastReminded = new HashMap<>();
    reminded.forEach(r -> r.to().forEach(o -> lastReminded.put(o, r.at())));
    List<AdvisoryPage.StatusRow> rows =
        advisory.hopsInOrder().stream()
            .map(
                hop -> {
                  OrganisationId organisation = new OrganisationId(hop.organisationId());
                  Acknowledgement done = byOrganisation.get(organisation);
                  return new AdvisoryPage.StatusRow(
                      name(organisations.get(organisation)),
                      hop.addressed(),
                      hop.receivedAt(),
                      done == null ? null : done.at(),
                      done == null ? null : person(people, done.by().value()),
                      done != null && done.late(),
                      lastReminded.get(organisation));
                })
            // Those still to acknowledge first: they are whom the issuer chases.
            .sorted(
                Comparator.comparing(AdvisoryPage.StatusRow::acknowledged)
                    .thenComparing(r -> r.organisation().ja()))
            .toList();
    int done = (int) rows.stream().filter(AdvisoryPage.StatusRow::acknowledged).count();
    int late = (int) rows.stream().filter(AdvisoryPage.StatusRow::late).count();
    int pending = rows.size() - done;
    return new AdvisoryPage.Status(
        advisory.asksAcknowledgement(),
        done,
        late,
        advisory.asksAcknowledgement() ? pending : 0,
        rows,
        reminded.stream()
            .map(
                r ->
                    new AdvisoryPage.ReminderView(
                        r.at(), person(people, r.by().value()), r.to().size()))
            .toList(),
        advisory.asksAcknowledgement() && pending > 0 && issuing.mayRemind(reader, advisory));
  }

  static LocalizedText name(@Nullable OrganisationSummary organisation) {
    return organisation == null
        ? new LocalizedText("?", "?")
        : new LocalizedText(organisation.nameJa(), organisation.nameEn());
  }

  private static String person(Map<PersonId, PersonSummary> people, UUID id) {
    PersonSummary person = people.get(new PersonId(id));
    return person == null ? "" : person.displayName();
  }
}
