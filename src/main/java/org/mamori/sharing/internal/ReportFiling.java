package org.mamori.sharing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.ServiceSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportReleased;
import org.mamori.sharing.ReportStage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing reports: the first report, follow-ups and the final report, approval inside the reporting
 * organisation where it asks for one, forwarding along the route, and marking changes.
 */
@Service
@Transactional
class ReportFiling {

  /** Clocks differ a little; a time this far ahead is still "now". */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Reports reports;
  private final ReportVersions versions;
  private final ReferenceNumbers references;
  private final Routing routing;
  private final Markings markings;
  private final Taxonomy taxonomy;
  private final Directory directory;
  private final AccessPolicy access;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ReportFiling(
      Reports reports,
      ReportVersions versions,
      ReferenceNumbers references,
      Routing routing,
      Markings markings,
      Taxonomy taxonomy,
      Directory directory,
      AccessPolicy access,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    this.reports = reports;
    this.versions = versions;
    this.references = references;
    this.routing = routing;
    this.markings = markings;
    this.taxonomy = taxonomy;
    this.directory = directory;
    this.access = access;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Files a first report; it leaves the organisation at once unless a manager must approve it. */
  Report fileFirst(
      Actor by, ReportContent content, boolean emergency, List<String> redRecipientEmails) {
    require(access.can(by, Capability.REPORT));
    if (content.stage() != ReportStage.FIRST) {
      throw new SharingRuleViolation("report.stage.firstFirst");
    }
    check(content);
    Instant now = clock.instant();
    Report report =
        Report.open(
            references.next(now),
            by.organisation(),
            by.person(),
            sectorOf(by.organisation(), content.service()),
            content.tlp(),
            emergency,
            namedPeople(content.tlp(), redRecipientEmails),
            now);
    boolean released = !needsApproval(by);
    if (released) {
      report.release(now);
    }
    ReportVersion first =
        ReportVersion.written(report.id(), 1, content, by.person(), released, now);
    report = reports.save(report);
    versions.add(first);
    audit(by, "sharing.report.filed", report, "First report " + report.reference());
    if (released) {
      releaseVersion(report, first, now);
    }
    return reports.save(report);
  }

  /** Adds a follow-up or the final report to the organisation's own case. */
  ReportVersion addVersion(Actor by, UUID reportId, ReportContent content) {
    Report report = report(reportId);
    require(by.organisation().equals(report.originator()) && access.can(by, Capability.REPORT));
    List<ReportVersion> written = versions.of(reportId);
    if (written.stream().anyMatch(v -> v.state() == ReportVersion.State.AWAITING_APPROVAL)) {
      throw new SharingRuleViolation("report.version.awaitingApproval");
    }
    if (written.stream().anyMatch(v -> v.released() && v.stage() == ReportStage.FINAL)) {
      throw new SharingRuleViolation("report.version.closed");
    }
    if (content.stage() == ReportStage.FIRST) {
      throw new SharingRuleViolation("report.stage.firstFirst");
    }
    check(content);
    remark(by, report, content.tlp());
    Instant now = clock.instant();
    boolean released = !needsApproval(by);
    ReportVersion version =
        ReportVersion.written(
            reportId, versions.lastNumber(reportId) + 1, content, by.person(), released, now);
    versions.add(version);
    audit(by, "sharing.report.version-added", report, "Version " + version.number());
    if (released) {
      report.release(now);
      releaseVersion(report, version, now);
    }
    reports.save(report);
    return version;
  }

  /** A manager of the reporting organisation lets a version out, or sends it back. */
  void decide(Actor by, UUID reportId, int number, boolean approve, String note) {
    Report report = report(reportId);
    require(by.organisation().equals(report.originator()) && access.can(by, Capability.APPROVE));
    Instant now = clock.instant();
    ReportVersion.State decision =
        approve ? ReportVersion.State.RELEASED : ReportVersion.State.REFUSED;
    if (!versions.decide(reportId, number, decision, by.person().value(), note, now)) {
      throw new SharingRuleViolation("report.approval.notAwaiting");
    }
    audit(
        by,
        approve ? "sharing.report.approved" : "sharing.report.refused",
        report,
        "Version " + number + (approve ? " approved" : " sent back"));
    if (approve) {
      boolean first = !report.released();
      report.release(now);
      ReportVersion version =
          versions.of(reportId).stream()
              .filter(v -> v.number() == number)
              .findFirst()
              .orElseThrow();
      if (first) {
        routing.deliver(report, now);
      }
      publishReleased(report, version);
      reports.save(report);
    }
  }

  /** A liaison at an organisation the report reached passes it on with their assessment. */
  void forward(Actor by, UUID reportId, String assessment) {
    Report report = report(reportId);
    require(access.can(by, Capability.RELAY) && access.mayRead(by, report.disclosure()));
    routing.forward(report, by.organisation(), by.person(), assessment, clock.instant());
    reports.save(report);
    audit(by, "sharing.report.forwarded", report, "Forwarded " + report.reference());
  }

  /** Changes the case's marking: stricter by anyone who holds it, looser by its originator. */
  void mark(Actor by, UUID reportId, Tlp marking) {
    Report report = report(reportId);
    require(access.mayRead(by, report.disclosure()));
    remark(by, report, marking);
    reports.save(report);
  }

  private void remark(Actor by, Report report, Tlp marking) {
    markings.change(by, report, marking, "report");
  }

  private void releaseVersion(Report report, ReportVersion version, Instant at) {
    if (version.number() == 1) {
      routing.deliver(report, at);
    }
    publishReleased(report, version);
  }

  private void publishReleased(Report report, ReportVersion version) {
    Set<Indicators.Indicator> found = Indicators.in(version.indicators());
    for (Indicators.Indicator indicator : found) {
      jdbc.sql(
              """
              insert into report_indicator (report_id, kind, normalised) values (:report, :kind, :value)
              on conflict do nothing
              """)
          .param("report", report.id())
          .param("kind", indicator.kind().name())
          .param("value", indicator.normalised())
          .update();
    }
    events.publishEvent(
        new ReportReleased(
            report.id(),
            report.reference(),
            report.originator(),
            version.number(),
            version.stage()));
  }

  private void check(ReportContent content) {
    // Retired entries stay readable in old versions, but no new version may choose them.
    Taxonomy.Option eventType =
        Taxonomy.find(taxonomy.eventTypes(), content.eventType())
            .orElseThrow(() -> new SharingRuleViolation("report.eventType.unknown"));
    if (eventType.retired()) {
      throw new SharingRuleViolation("report.eventType.retired");
    }
    Taxonomy.Option impact =
        Taxonomy.find(taxonomy.impacts(), content.impact())
            .orElseThrow(() -> new SharingRuleViolation("report.impact.unknown"));
    if (impact.retired()) {
      throw new SharingRuleViolation("report.impact.retired");
    }
    List<Taxonomy.Option> causes = taxonomy.causes();
    for (String code : content.causes()) {
      Taxonomy.Option cause =
          Taxonomy.find(causes, code)
              .orElseThrow(() -> new SharingRuleViolation("report.cause.unknown", code));
      if (cause.retired()) {
        throw new SharingRuleViolation("report.cause.retired", code);
      }
    }
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    if (content.occurredAt().isAfter(latest) || content.detectedAt().isAfter(latest)) {
      throw new SharingRuleViolation("report.time.future");
    }
    if (content.detectedAt().isBefore(content.occurredAt())) {
      throw new SharingRuleViolation("report.time.detectedBeforeOccurred");
    }
  }

  /** The sector of the named service, else the organisation's own. */
  private @Nullable UUID sectorOf(OrganisationId organisation, String service) {
    for (ServiceSummary own : directory.servicesOf(organisation)) {
      if (own.name().ja().equals(service.strip()) || own.name().en().equals(service.strip())) {
        return own.sector().value();
      }
    }
    return directory
        .organisation(organisation)
        .map(OrganisationSummary::sector)
        .map(s -> s.value())
        .orElse(null);
  }

  private Set<PersonId> namedPeople(Tlp tlp, List<String> emails) {
    Set<PersonId> named = new HashSet<>();
    if (tlp != Tlp.RED) {
      return named;
    }
    for (String email : emails) {
      if (email.isBlank()) {
        continue;
      }
      PersonSummary person =
          directory
              .personByEmail(email)
              .filter(PersonSummary::active)
              .orElseThrow(
                  () -> new SharingRuleViolation("report.red.unknownPerson", email.strip()));
      named.add(person.id());
    }
    return named;
  }

  private boolean needsApproval(Actor by) {
    boolean required =
        jdbc.sql("select approval_required from reporting_setting where organisation_id = :org")
            .param("org", by.organisation().value())
            .query(Boolean.class)
            .optional()
            .orElse(false);
    return required && !access.can(by, Capability.APPROVE);
  }

  private Report report(UUID id) {
    return reports.findById(id).orElseThrow(() -> new SharingRuleViolation("report.unknown"));
  }

  private static void require(boolean allowed) {
    if (!allowed) {
      throw new AccessDeniedException("not allowed on this report");
    }
  }

  private void audit(Actor by, String action, Report report, String summary) {
    events.publishEvent(
        new AuditableChange(
            by, action, "report", report.id().toString(), summary, null, report.reference()));
  }
}
