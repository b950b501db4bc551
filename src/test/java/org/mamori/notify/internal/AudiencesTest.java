package org.mamori.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.sharing.AcknowledgementRecorded;
import org.mamori.sharing.AdvisoryIssued;
import org.mamori.sharing.AdvisoryRelayed;
import org.mamori.sharing.AdvisoryReminderSent;
import org.mamori.sharing.ReportForwarded;
import org.mamori.sharing.ReportReleased;
import org.mamori.sharing.ReportStage;
import org.mamori.sharing.SharedItems;
import org.mamori.sharing.SharedItems.ItemRef;
import org.mamori.sharing.SharedItems.Kind;

/** Who hears of each sharing event, before anyone is asked what they may be told. */
class AudiencesTest {

  static final OrganisationId WATER_UTILITY = OrganisationId.random();
  static final OrganisationId MINISTRY = OrganisationId.random();
  static final OrganisationId CEPTOAR = OrganisationId.random();
  static final OrganisationId HUB = OrganisationId.random();

  static final PersonSummary REPORTER = person("reporter");
  static final PersonSummary LIAISON = person("liaison");
  static final PersonSummary MINISTRY_CLERK = person("clerk");
  static final PersonSummary CEPTOAR_LIAISON = person("ceptoar");
  static final PersonSummary HUB_ANALYST = person("analyst");

  final Directory directory = mock(Directory.class);
  final SharedItems items = mock(SharedItems.class);
  final AdvisoryMemory advisories = mock(AdvisoryMemory.class);
  // 2026-11-26 23:30 UTC is already the 27th in Japan.
  final Clock clock = Clock.fixed(Instant.parse("2026-11-26T23:30:00Z"), ZoneOffset.UTC);
  final Audiences audiences = new Audiences(directory, items, advisories, clock);

  final UUID report = UUID.randomUUID();
  final UUID advisory = UUID.randomUUID();

  @BeforeEach
  void people() {
    members(WATER_UTILITY, Audiences.EVERYONE, REPORTER);
    members(MINISTRY, Audiences.REPORT_HANDLERS, LIAISON);
    members(MINISTRY, Audiences.EVERYONE, LIAISON, MINISTRY_CLERK);
    members(MINISTRY, Audiences.ADVISORY_ISSUERS, LIAISON);
    members(CEPTOAR, Audiences.REPORT_HANDLERS, CEPTOAR_LIAISON);
    members(CEPTOAR, Audiences.EVERYONE, CEPTOAR_LIAISON);
    members(HUB, Audiences.REPORT_HANDLERS, HUB_ANALYST);
    members(HUB, Audiences.EVERYONE, HUB_ANALYST);
  }

  @Test
  void aReportReachingAnOrganisationTellsItsReportHandlersOnly() {
    List<Addressed> told =
        audiences.of(new ReportForwarded(report, "R2026-00001", WATER_UTILITY, MINISTRY, false));

    assertThat(told)
        .singleElement()
        .satisfies(
            happening -> {
              assertThat(happening.kind()).isEqualTo(NotificationKind.REPORT_RECEIVED);
              assertThat(happening.organisation()).isEqualTo(MINISTRY);
              assertThat(happening.people()).containsExactly(LIAISON);
              assertThat(happening.item()).isEqualTo(new ItemRef(Kind.REPORT, report));
              assertThat(happening.urgent()).isFalse();
              assertThat(happening.key()).isEqualTo("report:" + report + ":reached:" + MINISTRY);
            });
  }

  @Test
  void aReportSentOnTheEmergencyChannelIsUrgent() {
    assertThat(audiences.of(new ReportForwarded(report, "R2026-00002", WATER_UTILITY, HUB, true)))
        .singleElement()
        .satisfies(happening -> assertThat(happening.urgent()).isTrue());
  }

  @Test
  void aFirstReportTellsItsOwnOrganisationOnlyItsArrivalsAreToldByTheirForwards() {
    List<Addressed> told =
        audiences.of(
            new ReportReleased(report, "R2026-00003", WATER_UTILITY, 1, ReportStage.FIRST));

    assertThat(told)
        .singleElement()
        .satisfies(
            happening -> {
              assertThat(happening.kind()).isEqualTo(NotificationKind.REPORT_SENT);
              assertThat(happening.variant()).isEqualTo("FIRST");
              assertThat(happening.organisation()).isEqualTo(WATER_UTILITY);
              assertThat(happening.people()).containsExactly(REPORTER);
            });
  }

  @Test
  void aFollowUpTellsTheReporterAndTheReportHandlersOfEveryOrganisationItReachedUnderOneKey() {
    when(items.reachedOrganisations(new ItemRef(Kind.REPORT, report)))
        .thenReturn(Set.of(MINISTRY, CEPTOAR));

    List<Addressed> told =
        audiences.of(
            new ReportReleased(report, "R2026-00004", WATER_UTILITY, 2, ReportStage.FOLLOW_UP));

    assertThat(told)
        .extracting(Addressed::organisation)
        .containsExactlyInAnyOrder(WATER_UTILITY, MINISTRY, CEPTOAR);
    assertThat(told)
        .filteredOn(h -> h.organisation().equals(MINISTRY))
        .singleElement()
        .satisfies(
            happening -> {
              assertThat(happening.kind()).isEqualTo(NotificationKind.REPORT_UPDATED);
              assertThat(happening.people()).containsExactly(LIAISON);
            });
    assertThat(told).extracting(Addressed::key).containsOnly("report:" + report + ":version:2");
  }

  @Test
  void anAdvisoryTellsEveryoneAtEachRecipientAndIsUrgentWhenItAsksForAnAcknowledgement() {
    when(items.reachedOrganisations(new ItemRef(Kind.ADVISORY, advisory)))
        .thenReturn(Set.of(MINISTRY, CEPTOAR));

    List<Addressed> told =
        audiences.of(
            new AdvisoryIssued(
                advisory, "A2026-00001", HUB, Instant.parse("2026-12-01T00:00:00Z")));

    assertThat(told)
        .extracting(Addressed::organisation)
        .containsExactlyInAnyOrder(MINISTRY, CEPTOAR);
    assertThat(told)
        .allSatisfy(
            happening -> {
              assertThat(happening.kind()).isEqualTo(NotificationKind.ADVISORY_RECEIVED);
              assertThat(happening.urgent()).isTrue();
            });
    assertThat(told)
        .filteredOn(h -> h.organisation().equals(MINISTRY))
        .singleElement()
        .satisfies(h -> assertThat(h.people()).containsExactly(LIAISON, MINISTRY_CLERK));
  }

  @Test
  void aRelayedAdvisoryIsTheSameArrivalAsTheIssueSoAnOrganisationHearsOfItOnce() {
    when(items.reachedOrganisations(new ItemRef(Kind.ADVISORY, advisory)))
        .thenReturn(Set.of(CEPTOAR));
    when(advisories.asksAcknowledgement(advisory)).thenReturn(false);

    String issued =
        audiences.of(new AdvisoryIssued(advisory, "A2026-00002", HUB, null)).get(0).key();
    Addressed relayed =
        audiences.of(new AdvisoryRelayed(advisory, "A2026-00002", MINISTRY, CEPTOAR)).get(0);

    assertThat(relayed.key()).isEqualTo(issued);
    assertThat(relayed.people()).containsExactly(CEPTOAR_LIAISON);
    assertThat(relayed.urgent()).isFalse();
  }

  @Test
  void aReminderTellsTheOrganisationsThatHaveNotAcknowledgedOnceADayInJapanTime() {
    List<Addressed> told =
        audiences.of(new AdvisoryReminderSent(advisory, "A2026-00003", Set.of(CEPTOAR)));

    assertThat(told)
        .singleElement()
        .satisfies(
            happening -> {
              assertThat(happening.kind()).isEqualTo(NotificationKind.ADVISORY_REMINDER);
              assertThat(happening.urgent()).isTrue();
              assertThat(happening.people()).containsExactly(CEPTOAR_LIAISON);
              assertThat(happening.key())
                  .isEqualTo("advisory:" + advisory + ":reminder:2026-11-27");
            });
  }

  @Test
  void anAcknowledgementTellsTheIssuersAdvisoryIssuersAndNamesWhoAcknowledged() {
    when(advisories.issuer(advisory)).thenReturn(Optional.of(MINISTRY));

    List<Addressed> told =
        audiences.of(
            new AcknowledgementRecorded(
                advisory, "A2026-00004", CEPTOAR, CEPTOAR_LIAISON.id(), true));

    assertThat(told)
        .singleElement()
        .satisfies(
            happening -> {
              assertThat(happening.kind()).isEqualTo(NotificationKind.ACKNOWLEDGED);
              assertThat(happening.variant()).isEqualTo("LATE");
              assertThat(happening.organisation()).isEqualTo(MINISTRY);
              assertThat(happening.people()).containsExactly(LIAISON);
              assertThat(happening.about()).isEqualTo(CEPTOAR);
            });
  }

  @Test
  void anAcknowledgementOfAnAdvisoryWhoseIssueWasNeverSeenTellsNobody() {
    when(advisories.issuer(advisory)).thenReturn(Optional.empty());

    assertThat(
            audiences.of(
                new AcknowledgementRecorded(
                    advisory, "A2026-00005", CEPTOAR, CEPTOAR_LIAISON.id(), false)))
        .isEmpty();
  }

  private void members(
      OrganisationId organisation, Set<Capability> holding, PersonSummary... people) {
    when(directory.activeMembersHolding(organisation, holding)).thenReturn(List.of(people));
  }

  private static PersonSummary person(String name) {
    return new PersonSummary(PersonId.random(), name + "@example.jp", name, true);
  }
}
