package org.mamori.notify.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.AcknowledgementRecorded;
import org.mamori.sharing.AdvisoryIssued;
import org.mamori.sharing.AdvisoryRelayed;
import org.mamori.sharing.AdvisoryReminderSent;
import org.mamori.sharing.ReportForwarded;
import org.mamori.sharing.ReportReleased;
import org.mamori.sharing.SharedItems;
import org.mamori.sharing.SharedItems.ItemRef;
import org.mamori.sharing.SharedItems.Kind;
import org.springframework.stereotype.Component;

/**
 * Who should hear of each sharing event: the organisations concerned and, in each, the people whose
 * work it touches. Whether each of them may be told anything is decided later, per person.
 *
 * <ul>
 *   <li>a report reaching an organisation: its people who handle reports (RELAY or ANALYSE);
 *   <li>a report version released: the reporting organisation's people and, for follow-ups and the
 *       final report, the report handlers of every organisation the case reached (a first report's
 *       arrivals are told by its forwarding events);
 *   <li>an advisory issued or relayed: everyone at each organisation it reached;
 *   <li>a reminder: everyone at the organisations that have not acknowledged yet;
 *   <li>an acknowledgement: the issuer's people who issue advisories (RELAY).
 * </ul>
 */
@Component
class Audiences {

  static final Set<Capability> REPORT_HANDLERS = EnumSet.of(Capability.RELAY, Capability.ANALYSE);
  static final Set<Capability> EVERYONE = EnumSet.allOf(Capability.class);
  static final Set<Capability> ADVISORY_ISSUERS = EnumSet.of(Capability.RELAY);

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final Directory directory;
  private final SharedItems items;
  private final AdvisoryMemory advisories;
  private final Clock clock;

  Audiences(Directory directory, SharedItems items, AdvisoryMemory advisories, Clock clock) {
    this.directory = directory;
    this.items = items;
    this.advisories = advisories;
    this.clock = clock;
  }

  List<Addressed> of(ReportForwarded event) {
    return List.of(
        addressed(
            reached("report", event.report(), event.to()),
            NotificationKind.REPORT_RECEIVED,
            "",
            event.emergency(),
            report(event.report()),
            event.to(),
            REPORT_HANDLERS,
            null));
  }

  List<Addressed> of(ReportReleased event) {
    ItemRef item = report(event.report());
    // One key for everyone told of this version: a person at the originator and at a recipient
    // hears of it once.
    String key = "report:" + event.report() + ":version:" + event.version();
    String stage = event.stage().name();
    List<Addressed> told = new ArrayList<>();
    told.add(
        addressed(
            key,
            NotificationKind.REPORT_SENT,
            stage,
            false,
            item,
            event.originator(),
            EVERYONE,
            null));
    if (event.version() > 1) {
      for (OrganisationId holder : inOrder(items.reachedOrganisations(item))) {
        told.add(
            addressed(
                key,
                NotificationKind.REPORT_UPDATED,
                stage,
                false,
                item,
                holder,
                REPORT_HANDLERS,
                null));
      }
    }
    return told;
  }

  List<Addressed> of(AdvisoryIssued event) {
    ItemRef item = advisory(event.advisory());
    boolean asksAcknowledgement = event.acknowledgeBy() != null;
    List<Addressed> told = new ArrayList<>();
    for (OrganisationId recipient : inOrder(items.reachedOrganisations(item))) {
      told.add(
          addressed(
              reached("advisory", event.advisory(), recipient),
              NotificationKind.ADVISORY_RECEIVED,
              "",
              asksAcknowledgement,
              item,
              recipient,
              EVERYONE,
              null));
    }
    return told;
  }

  /** Same key as the issue's arrivals: an organisation hears of an advisory's arrival once. */
  List<Addressed> of(AdvisoryRelayed event) {
    return List.of(
        addressed(
            reached("advisory", event.advisory(), event.to()),
            NotificationKind.ADVISORY_RECEIVED,
            "",
            advisories.asksAcknowledgement(event.advisory()),
            advisory(event.advisory()),
            event.to(),
            EVERYONE,
            null));
  }

  /**
   * The event carries no identity of its own, so reminders of one advisory are told at most once a
   * day (Japan time) to each person: a redelivered reminder is not told twice.
   */
  List<Addressed> of(AdvisoryReminderSent event) {
    LocalDate today = LocalDate.now(clock.withZone(JAPAN));
    String key = "advisory:" + event.advisory() + ":reminder:" + today;
    ItemRef item = advisory(event.advisory());
    List<Addressed> told = new ArrayList<>();
    for (OrganisationId late : inOrder(event.notYetAcknowledged())) {
      told.add(
          addressed(key, NotificationKind.ADVISORY_REMINDER, "", true, item, late, EVERYONE, null));
    }
    return told;
  }

  /** Nobody, when the advisory's issue was never seen: its issuer is unknown. */
  List<Addressed> of(AcknowledgementRecorded event) {
    return advisories.issuer(event.advisory()).stream()
        .map(
            issuer ->
                addressed(
                    "advisory:" + event.advisory() + ":acknowledged:" + event.organisation(),
                    NotificationKind.ACKNOWLEDGED,
                    event.late() ? "LATE" : "ON_TIME",
                    false,
                    advisory(event.advisory()),
                    issuer,
                    ADVISORY_ISSUERS,
                    event.organisation()))
        .toList();
  }

  private Addressed addressed(
      String key,
      NotificationKind kind,
      String variant,
      boolean urgent,
      ItemRef item,
      OrganisationId organisation,
      Set<Capability> holdingAnyOf,
      @Nullable OrganisationId about) {
    return new Addressed(
        key,
        kind,
        variant,
        urgent,
        item,
        organisation,
        directory.activeMembersHolding(organisation, holdingAnyOf),
        about);
  }

  private static String reached(String kind, UUID item, OrganisationId organisation) {
    return kind + ":" + item + ":reached:" + organisation;
  }

  private static ItemRef report(UUID id) {
    return new ItemRef(Kind.REPORT, id);
  }

  private static ItemRef advisory(UUID id) {
    return new ItemRef(Kind.ADVISORY, id);
  }

  private static List<OrganisationId> inOrder(Set<OrganisationId> organisations) {
    return organisations.stream().sorted(Comparator.comparing(OrganisationId::value)).toList();
  }
}
