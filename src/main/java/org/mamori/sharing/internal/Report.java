package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.Disclosure;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A case reported by an organisation: its marking, whether it has left the organisation yet, who it
 * is addressed to when TLP:RED, and the route it has travelled. Its versions are kept apart,
 * append-only ({@link ReportVersion}).
 */
class Report implements Marked {

  private final @Id UUID id;
  private final String reference;
  private final UUID originator;
  private final UUID author;
  private final @Nullable UUID sectorId;
  private Tlp tlp;
  private final boolean emergency;
  private final Instant createdAt;
  private @Nullable Instant submittedAt;

  @MappedCollection(idColumn = "report_id")
  private final Set<Hop> hops;

  @MappedCollection(idColumn = "report_id")
  private final Set<RedRecipient> redRecipients;

  private @Version @Nullable Long version;

  @PersistenceCreator
  Report(
      UUID id,
      String reference,
      UUID originator,
      UUID author,
      @Nullable UUID sectorId,
      Tlp tlp,
      boolean emergency,
      Instant createdAt,
      @Nullable Instant submittedAt,
      Set<Hop> hops,
      Set<RedRecipient> redRecipients,
      @Nullable Long version) {
    this.id = id;
    this.reference = reference;
    this.originator = originator;
    this.author = author;
    this.sectorId = sectorId;
    this.tlp = tlp;
    this.emergency = emergency;
    this.createdAt = createdAt;
    this.submittedAt = submittedAt;
    this.hops = new HashSet<>(hops);
    this.redRecipients = new HashSet<>(redRecipients);
    this.version = version;
  }

  /** A new case; TLP:RED cases always name their author among their recipients. */
  static Report open(
      String reference,
      OrganisationId originator,
      PersonId author,
      @Nullable UUID sector,
      Tlp tlp,
      boolean emergency,
      Set<PersonId> redRecipients,
      Instant at) {
    Set<RedRecipient> named = new HashSet<>();
    if (tlp == Tlp.RED) {
      named.add(new RedRecipient(author.value()));
      redRecipients.forEach(p -> named.add(new RedRecipient(p.value())));
    }
    return new Report(
        UUID.randomUUID(),
        reference,
        originator.value(),
        author.value(),
        sector,
        tlp,
        emergency,
        at,
        null,
        Set.of(),
        named,
        null);
  }

  /** The case leaves its organisation (its first version was released). */
  void release(Instant at) {
    if (submittedAt == null) {
      submittedAt = at;
    }
  }

  boolean released() {
    return submittedAt != null;
  }

  /** Records the case's arrival at an organisation; arriving twice changes nothing. */
  boolean reach(
      OrganisationId organisation,
      int step,
      @Nullable OrganisationId from,
      String channel,
      boolean viaEmergency,
      Instant at) {
    if (organisation.value().equals(originator) || hopAt(organisation).isPresent()) {
      return false;
    }
    hops.add(
        new Hop(
            organisation.value(),
            step,
            from == null ? null : from.value(),
            channel,
            viaEmergency,
            at,
            null,
            null,
            ""));
    return true;
  }

  /**
   * The organisation passes the case on, once, with its own assessment.
   *
   * @param by who forwarded it; null when the map forwards it at once
   */
  Hop forwardFrom(
      OrganisationId organisation, @Nullable PersonId by, String assessment, Instant at) {
    Hop hop =
        hopAt(organisation)
            .orElseThrow(() -> new SharingRuleViolation("report.forward.notReceived"));
    if (hop.forwarded()) {
      throw new SharingRuleViolation("report.forward.already");
    }
    hops.remove(hop);
    Hop forwarded = hop.forwardedBy(by == null ? null : by.value(), assessment.strip(), at);
    hops.add(forwarded);
    return forwarded;
  }

  /** Anyone who holds the case may mark it stricter. */
  @Override
  public void markStricter(Tlp stricter) {
    if (!stricter.isStricterThan(tlp)) {
      throw new SharingRuleViolation("marking.notStricter");
    }
    addNamedForRed(stricter);
    tlp = stricter;
  }

  /** Only the originator loosens a marking: the caller has checked that. */
  @Override
  public void loosen(Tlp looser) {
    if (!tlp.isStricterThan(looser)) {
      throw new SharingRuleViolation("marking.notLooser");
    }
    tlp = looser;
  }

  private void addNamedForRed(Tlp marking) {
    if (marking == Tlp.RED) {
      redRecipients.add(new RedRecipient(author));
    }
  }

  Optional<Hop> hopAt(OrganisationId organisation) {
    return hops.stream().filter(h -> h.organisationId().equals(organisation.value())).findFirst();
  }

  List<Hop> hopsInOrder() {
    return hops.stream()
        .sorted(Comparator.comparing(Hop::receivedAt).thenComparingInt(Hop::step))
        .toList();
  }

  /**
   * What the access decision needs, as far as the case itself knows: its route and named people.
   * Decisions that act on the case (forwarding, re-marking, contributing) use this; reading it goes
   * through {@link ReportDisclosures}, which adds the organisations reading it through a situation.
   */
  @Override
  public Disclosure disclosure() {
    return new Disclosure(
        new OrganisationId(originator),
        tlp,
        hops.stream().map(h -> new OrganisationId(h.organisationId())).collect(Collectors.toSet()),
        redRecipients.stream().map(r -> new PersonId(r.personId())).collect(Collectors.toSet()));
  }

  @Override
  public UUID id() {
    return id;
  }

  @Override
  public String reference() {
    return reference;
  }

  OrganisationId originator() {
    return new OrganisationId(originator);
  }

  PersonId author() {
    return new PersonId(author);
  }

  @Nullable UUID sectorId() {
    return sectorId;
  }

  @Override
  public Tlp tlp() {
    return tlp;
  }

  boolean emergency() {
    return emergency;
  }

  Instant createdAt() {
    return createdAt;
  }

  @Nullable Instant submittedAt() {
    return submittedAt;
  }

  Set<PersonId> redRecipients() {
    return redRecipients.stream().map(r -> new PersonId(r.personId())).collect(Collectors.toSet());
  }
}
