package org.mamori.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.AcknowledgementRecorded;
import org.mamori.sharing.AdvisoryIssued;
import org.mamori.sharing.AdvisoryReminderSent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advisories (情報提供): issuing to an audience, relaying down the sharing map, acknowledging receipt
 * (受領確認) and reminding those who have not. Every change is audited in its own transaction.
 */
@Service
@Transactional
class AdvisoryIssuing {

  private final Advisories advisories;
  private final Acknowledgements acknowledgements;
  private final AdvisoryReminders reminders;
  private final AdvisoryReferenceNumbers references;
  private final AdvisoryAudiences audiences;
  private final AdvisoryRelay relay;
  private final Reports reports;
  private final Sanitisation sanitisation;
  private final Directory directory;
  private final AccessPolicy access;
  private final Markings markings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AdvisoryIssuing(
      Advisories advisories,
      Acknowledgements acknowledgements,
      AdvisoryReminders reminders,
      AdvisoryReferenceNumbers references,
      AdvisoryAudiences audiences,
      AdvisoryRelay relay,
      Reports reports,
      Sanitisation sanitisation,
      Directory directory,
      AccessPolicy access,
      Markings markings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.advisories = advisories;
    this.acknowledgements = acknowledgements;
    this.reminders = reminders;
    this.references = references;
    this.audiences = audiences;
    this.relay = relay;
    this.reports = reports;
    this.sanitisation = sanitisation;
    this.directory = directory;
    this.access = access;
    this.markings = markings;
    this.events = events;
    this.clock = clock;
  }

  /** Liaisons (RELAY) of the hub, a sector ministry, a security agency or a CEPTOAR issue. */
  @Transactional(readOnly = true)
  boolean mayIssue(Actor actor) {
    return access.can(actor, Capability.RELAY)
        && directory
            .organisation(actor.organisation())
            .map(o -> Advisory.ISSUER_KINDS.stream().anyMatch(o::is))
            .orElse(false);
  }

  /**
   * Issues an advisory: resolves its audience to today's organisations, delivers it to them and
   * down the sharing map.
   *
   * @throws AdvisoryRuleViolation if the audience is empty or reaches nobody, the deadline has
   *     passed, or a person named for TLP:RED is unknown
   */
  Advisory issue(Actor by, AdvisoryContent content) {
    require(mayIssue(by));
    Instant now = clock.instant();
    Report source = source(by, content.sourceReport());
    if (content.acknowledgeBy() != null && !content.acknowledgeBy().isAfter(now)) {
      throw new AdvisoryRuleViolation("advisory.deadline.past", "acknowledgeBy");
    }
    if (content.audience().isEmpty()) {
      throw new AdvisoryRuleViolation("advisory.audience.none", "everyone");
    }
    Set<OrganisationId> audience = new LinkedHashSet<>(audiences.resolve(content.audience()));
    audience.remove(by.organisation());
    if (audience.isEmpty()) {
      throw new AdvisoryRuleViolation("advisory.audience.nobody", "everyone");
    }
    Set<PersonId> named = namedPeople(content.tlp(), content.redRecipientEmails());
    Advisory advisory = Advisory.issue(references.next(now), by, content, source, named, now);
    events.publishEvent(
        new AdvisoryIssued(
            advisory.id(), advisory.reference(), advisory.issuer(), advisory.acknowledgeBy()));
    relay.deliver(advisory, audience, now);
    advisory = advisories.save(advisory);
    events.publishEvent(
        new AuditableChange(
            by,
            source == null ? "sharing.advisory.issued" : "sharing.advisory.sanitised-release",
            "advisory",
            advisory.id().toString(),
            "Advisory "
                + advisory.reference()
                + (source == null ? "" : " sanitised from " + source.reference())
                + " to "
                + advisory.recipients().size()
                + " organisations",
            null,
            new Issued(
                advisory.reference(),
                advisory.title(),
                advisory.tlp(),
                advisory.recipients().size(),
                advisory.acknowledgeBy())));
    return advisory;
  }

  /** A liaison at an organisation the advisory reached relays it on down the map. */
  void relay(Actor by, UUID advisoryId) {
    Advisory advisory = advisory(advisoryId);
    require(access.can(by, Capability.RELAY) && access.mayRead(by, advisory.disclosure()));
    int before = advisory.recipients().size();
    relay.relay(advisory, by.organisation(), by.person(), clock.instant());
    advisories.save(advisory);
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.advisory.relayed",
            "advisory",
            advisory.id().toString(),
            "Relayed " + advisory.reference(),
            before,
            advisory.recipients().size()));
  }

  /**
   * A member of a recipient organisation acknowledges receipt for it, once.
   *
   * @throws SharingRuleViolation if no acknowledgement is asked, the organisation is not a
   *     recipient, or it has acknowledged already
   */
  Acknowledgement acknowledge(Actor by, UUID advisoryId) {
    Advisory advisory = advisory(advisoryId);
    require(access.mayRead(by, advisory.disclosure()));
    Acknowledgement acknowledgement = advisory.acknowledge(by, clock.instant());
    if (!acknowledgements.record(acknowledgement)) {
      throw new SharingRuleViolation("advisory.acknowledge.already");
    }
    events.publishEvent(
        new AcknowledgementRecorded(
            advisory.id(),
            advisory.reference(),
            acknowledgement.organisation(),
            acknowledgement.by(),
            acknowledgement.late()));
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.advisory.acknowledged",
            "advisory",
            advisory.id().toString(),
            "Receipt of "
                + advisory.reference()
                + " acknowledged"
                + (acknowledgement.late() ? " late" : ""),
            null,
            acknowledgement));
    return acknowledgement;
  }

  /**
   * The issuer reminds every recipient organisation that has not acknowledged yet.
   *
   * @return the organisations reminded
   * @throws SharingRuleViolation if no acknowledgement is asked or everyone has acknowledged
   */
  Set<OrganisationId> remind(Actor by, UUID advisoryId) {
    Advisory advisory = advisory(advisoryId);
    require(mayRemind(by, advisory));
    if (!advisory.asksAcknowledgement()) {
      throw new SharingRuleViolation("advisory.acknowledge.notAsked");
    }
    Set<OrganisationId> pending = new HashSet<>(advisory.recipients());
    acknowledgements.of(advisory.id()).forEach(a -> pending.remove(a.organisation()));
    if (pending.isEmpty()) {
      throw new SharingRuleViolation("advisory.remind.nobody");
    }
    reminders.record(advisory.id(), by.person(), clock.instant(), pending);
    events.publishEvent(
        new AdvisoryReminderSent(advisory.id(), advisory.reference(), Set.copyOf(pending)));
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.advisory.reminded",
            "advisory",
            advisory.id().toString(),
            "Reminded " + pending.size() + " organisations of " + advisory.reference(),
            null,
            pending.size()));
    return pending;
  }

  /**
   * Anyone who may read the advisory marks it stricter; only its issuer loosens it.
   *
   * @throws SharingRuleViolation when someone else tries to loosen it
   */
  void mark(Actor by, UUID advisoryId, Tlp marking) {
    Advisory advisory = advisory(advisoryId);
    require(access.mayRead(by, advisory.disclosure()));
    markings.change(by, advisory, marking, "advisory");
    advisories.save(advisory);
  }

  /** People acting for the issuer with RELAY remind recipients. */
  @Transactional(readOnly = true)
  boolean mayRemind(Actor actor, Advisory advisory) {
    return actor.organisation().equals(advisory.issuer())
        && access.can(actor, Capability.RELAY)
        && access.mayRead(actor, advisory.disclosure());
  }

  /** What the audit trail keeps of an issued advisory. */
  record Issued(
      String reference, String title, Tlp tlp, int recipients, @Nullable Instant acknowledgeBy) {}

  private @Nullable Report source(Actor by, @Nullable String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    Report report =
        reports
            .findByReference(reference.strip())
            .orElseThrow(() -> new SharingRuleViolation("report.unknown"));
    require(sanitisation.mayPublish(by, report));
    return report;
  }

  private Set<PersonId> namedPeople(Tlp tlp, List<String> emails) {
    Set<PersonId> named = new HashSet<>();
    if (tlp != Tlp.RED) {
      return named;
    }
    for (String email : emails) {
      PersonSummary person =
          directory
              .personByEmail(email)
              .filter(PersonSummary::active)
              .orElseThrow(
                  () ->
                      new AdvisoryRuleViolation(
                          "advisory.red.unknownPerson", "redRecipients", email.strip()));
      named.add(person.id());
    }
    return named;
  }

  private Advisory advisory(UUID id) {
    return advisories.findById(id).orElseThrow(() -> new SharingRuleViolation("advisory.unknown"));
  }

  private static void require(boolean allowed) {
    if (!allowed) {
      throw new AccessDeniedException("not allowed on this advisory");
    }
  }
}
