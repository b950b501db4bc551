package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.Disclosure;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * An advisory (情報提供): what its issuer wrote, for whom, under which marking, and the organisations
 * it has reached so far. Its content never changes once issued; acknowledgements are kept beside it
 * ({@link Acknowledgement}).
 */
class Advisory implements Marked {

  /** The kinds of organisation whose liaisons issue advisories. */
  static final Set<OrganisationKind> ISSUER_KINDS =
      EnumSet.of(
          OrganisationKind.NATIONAL_HUB,
          OrganisationKind.SECTOR_MINISTRY,
          OrganisationKind.SECURITY_AGENCY,
          OrganisationKind.CEPTOAR);

  private final @Id UUID id;
  private final String reference;
  private final UUID issuer;
  private final UUID author;
  private final String title;
  private final String body;
  private final String indicators;
  private Tlp tlp;
  private final boolean audienceEveryone;
  private final Set<String> audienceSectors;
  private final Set<OrganisationKind> audienceKinds;
  private final Set<String> audienceOrganisations;
  private final @Nullable Instant acknowledgeBy;
  private final @Nullable UUID sourceReport;
  private final @Nullable UUID sourceSector;
  private final Instant issuedAt;

  @MappedCollection(idColumn = "advisory_id")
  private final Set<AdvisoryHop> hops;

  @MappedCollection(idColumn = "advisory_id")
  private final Set<AdvisoryRedRecipient> redRecipients;

  private @Version @Nullable Long version;

  @PersistenceCreator
  Advisory(
      UUID id,
      String reference,
      UUID issuer,
      UUID author,
      String title,
      String body,
      String indicators,
      Tlp tlp,
      boolean audienceEveryone,
      Set<String> audienceSectors,
      Set<OrganisationKind> audienceKinds,
      Set<String> audienceOrganisations,
      @Nullable Instant acknowledgeBy,
      @Nullable UUID sourceReport,
      @Nullable UUID sourceSector,
      Instant issuedAt,
      Set<AdvisoryHop> hops,
      Set<AdvisoryRedRecipient> redRecipients,
      @Nullable Long version) {
    this.id = id;
    this.reference = reference;
    this.issuer = issuer;
    this.author = author;
    this.title = title;
    this.body = body;
    this.indicators = indicators;
    this.tlp = tlp;
    this.audienceEveryone = audienceEveryone;
    this.audienceSectors = new HashSet<>(audienceSectors);
    this.audienceKinds =
        audienceKinds.isEmpty()
            ? EnumSet.noneOf(OrganisationKind.class)
            : EnumSet.copyOf(audienceKinds);
    this.audienceOrganisations = new HashSet<>(audienceOrganisations);
    this.acknowledgeBy = acknowledgeBy;
    this.sourceReport = sourceReport;
    this.sourceSector = sourceSector;
    this.issuedAt = issuedAt;
    this.hops = new HashSet<>(hops);
    this.redRecipients = new HashSet<>(redRecipients);
    this.version = version;
  }

  /**
   * A new advisory, reaching nobody yet; TLP:RED advisories always name their author among their
   * readers.
   *
   * @param source the report a sanitised release is made from, with that report's sector; null for
   *     an advisory written from scratch
   */
  static Advisory issue(
      String reference,
      Actor by,
      AdvisoryContent content,
      @Nullable Report source,
      Set<PersonId> redRecipients,
      Instant at) {
    Set<AdvisoryRedRecipient> named = new HashSet<>();
    if (content.tlp() == Tlp.RED) {
      named.add(new AdvisoryRedRecipient(by.person().value()));
      redRecipients.forEach(p -> named.add(new AdvisoryRedRecipient(p.value())));
    }
    AdvisoryAudience audience = content.audience();
    return new Advisory(
        UUID.randomUUID(),
        reference,
        by.organisation().value(),
        by.person().value(),
        content.title(),
        content.body(),
        content.indicators(),
        content.tlp(),
        audience.everyone(),
        audience.sectors().stream().map(s -> s.value().toString()).collect(Collectors.toSet()),
        audience.kinds(),
        audience.organisations().stream()
            .map(o -> o.value().toString())
            .collect(Collectors.toSet()),
        content.acknowledgeBy(),
        source == null ? null : source.id(),
        source == null ? null : source.sectorId(),
        at,
        Set.of(),
        named,
        null);
  }

  /** Anyone who holds the advisory may mark it stricter; a RED one names its author as reader. */
  @Override
  public void markStricter(Tlp stricter) {
    if (!stricter.isStricterThan(tlp)) {
      throw new SharingRuleViolation("marking.notStricter");
    }
    if (stricter == Tlp.RED) {
      redRecipients.add(new AdvisoryRedRecipient(author));
    }
    tlp = stricter;
  }

  /** Only the issuer loosens a marking: the caller has checked that. */
  @Override
  public void loosen(Tlp looser) {
    if (!tlp.isStricterThan(looser)) {
      throw new SharingRuleViolation("marking.notLooser");
    }
    tlp = looser;
  }

  /**
   * TLP:AMBER+STRICT and TLP:RED advisories reach only the audience their issuer chose: relaying
   * them down the map would show them to organisations the marking excludes.
   */
  boolean relaysDownTheMap() {
    return tlp != Tlp.AMBER_STRICT && tlp != Tlp.RED;
  }

  /** Records the advisory's arrival at an organisation; arriving twice changes nothing. */
  boolean reach(
      OrganisationId organisation,
      int step,
      @Nullable OrganisationId from,
      String channel,
      boolean addressed,
      Instant at) {
    if (organisation.value().equals(issuer) || hopAt(organisation).isPresent()) {
      return false;
    }
    hops.add(
        new AdvisoryHop(
            organisation.value(),
            step,
            from == null ? null : from.value(),
            channel,
            addressed,
            at,
            null,
            null));
    return true;
  }

  /**
   * The organisation relays the advisory on, once.
   *
   * @param by who relayed it; null when the map relays it at once
   */
  AdvisoryHop relayFrom(OrganisationId organisation, @Nullable PersonId by, Instant at) {
    if (!relaysDownTheMap()) {
      throw new SharingRuleViolation("advisory.relay.notThisMarking");
    }
    AdvisoryHop hop =
        hopAt(organisation)
            .orElseThrow(() -> new SharingRuleViolation("advisory.relay.notReceived"));
    if (hop.relayed()) {
      throw new SharingRuleViolation("advisory.relay.already");
    }
    hops.remove(hop);
    AdvisoryHop relayed = hop.relayedBy(by == null ? null : by.value(), at);
    hops.add(relayed);
    return relayed;
  }

  /**
   * A member of a recipient organisation acknowledges receipt for it; late after the deadline. The
   * caller records it once per organisation.
   */
  Acknowledgement acknowledge(Actor by, Instant at) {
    if (acknowledgeBy == null) {
      throw new SharingRuleViolation("advisory.acknowledge.notAsked");
    }
    if (hopAt(by.organisation()).isEmpty()) {
      throw new SharingRuleViolation("advisory.acknowledge.notRecipient");
    }
    return new Acknowledgement(id, by.organisation(), by.person(), at, at.isAfter(acknowledgeBy));
  }

  boolean asksAcknowledgement() {
    return acknowledgeBy != null;
  }

  boolean sanitised() {
    return sourceReport != null;
  }

  /** What the access decision needs: the issuer, the marking, every recipient, named people. */
  @Override
  public Disclosure disclosure() {
    return new Disclosure(
        issuer(),
        tlp,
        recipients(),
        redRecipients.stream().map(r -> new PersonId(r.personId())).collect(Collectors.toSet()));
  }

  Set<OrganisationId> recipients() {
    return hops.stream()
        .map(h -> new OrganisationId(h.organisationId()))
        .collect(Collectors.toSet());
  }

  Optional<AdvisoryHop> hopAt(OrganisationId organisation) {
    return hops.stream().filter(h -> h.organisationId().equals(organisation.value())).findFirst();
  }

  List<AdvisoryHop> hopsInOrder() {
    return hops.stream()
        .sorted(
            Comparator.comparing(AdvisoryHop::receivedAt)
                .thenComparingInt(AdvisoryHop::step)
                .thenComparing(AdvisoryHop::organisationId))
        .toList();
  }

  AdvisoryAudience audience() {
    return new AdvisoryAudience(
        audienceEveryone,
        audienceSectors.stream().map(SectorId::of).collect(Collectors.toSet()),
        audienceKinds,
        audienceOrganisations.stream().map(OrganisationId::of).collect(Collectors.toSet()));
  }

  @Override
  public UUID id() {
    return id;
  }

  @Override
  public String reference() {
    return reference;
  }

  OrganisationId issuer() {
    return new OrganisationId(issuer);
  }

  PersonId author() {
    return new PersonId(author);
  }

  String title() {
    return title;
  }

  String body() {
    return body;
  }

  String indicators() {
    return indicators;
  }

  @Override
  public Tlp tlp() {
    return tlp;
  }

  @Nullable Instant acknowledgeBy() {
    return acknowledgeBy;
  }

  @Nullable UUID sourceReport() {
    return sourceReport;
  }

  @Nullable UUID sourceSector() {
    return sourceSector;
  }

  Instant issuedAt() {
    return issuedAt;
  }
}
