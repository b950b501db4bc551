package org.mamori.directory.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.SizeClass;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * An organisation of any kind. Its contacts, services and CEPTOAR memberships are private to it and
 * to those who look after it; its name, kinds and sector are known to every member.
 */
class Organisation {

  private final @Id UUID id;
  private final String code;
  private Set<OrganisationKind> kinds;
  private String nameJa;
  private String nameEn;
  private @Nullable UUID sectorId;
  private @Nullable SizeClass sizeClass;
  private @Nullable Integer employees;
  private @Nullable Long capitalYen;
  private @Nullable String prefecture;
  private @Nullable String website;
  private @Nullable String country;
  private boolean active;
  private final Instant createdAt;

  @MappedCollection(idColumn = "organisation_id")
  private Set<Contact> contacts;

  @MappedCollection(idColumn = "organisation_id")
  private Set<OperatorService> services;

  @MappedCollection(idColumn = "operator_id")
  private Set<CeptoarMembership> ceptoars;

  private @Version @Nullable Long version;

  @PersistenceCreator
  Organisation(
      UUID id,
      String code,
      Set<OrganisationKind> kinds,
      String nameJa,
      String nameEn,
      @Nullable UUID sectorId,
      @Nullable SizeClass sizeClass,
      @Nullable Integer employees,
      @Nullable Long capitalYen,
      @Nullable String prefecture,
      @Nullable String website,
      @Nullable String country,
      boolean active,
      Instant createdAt,
      Set<Contact> contacts,
      Set<OperatorService> services,
      Set<CeptoarMembership> ceptoars,
      @Nullable Long version) {
    this.id = id;
    this.code = code;
    this.kinds = EnumSet.copyOf(kinds);
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.sectorId = sectorId;
    this.sizeClass = sizeClass;
    this.employees = employees;
    this.capitalYen = capitalYen;
    this.prefecture = prefecture;
    this.website = website;
    this.country = country;
    this.active = active;
    this.createdAt = createdAt;
    this.contacts = new HashSet<>(contacts);
    this.services = new HashSet<>(services);
    this.ceptoars = new HashSet<>(ceptoars);
    this.version = version;
  }

  static Organisation register(
      String code,
      Set<OrganisationKind> kinds,
      LocalizedText name,
      @Nullable SectorId sector,
      Instant at) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("an organisation needs at least one kind");
    }
    return new Organisation(
        UUID.randomUUID(),
        code,
        kinds,
        name.ja(),
        name.en(),
        sector == null ? null : sector.value(),
        null,
        null,
        null,
        null,
        null,
        "JP",
        true,
        at,
        Set.of(),
        Set.of(),
        Set.of(),
        null);
  }

  void rename(LocalizedText name) {
    this.nameJa = name.ja();
    this.nameEn = name.en();
  }

  void classify(Set<OrganisationKind> kinds, @Nullable SectorId sector) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("an organisation needs at least one kind");
    }
    this.kinds = EnumSet.copyOf(kinds);
    this.sectorId = sector == null ? null : sector.value();
  }

  /**
   * Records the operator's size figures; an explicit class overrides the one the thresholds give.
   */
  void describeSize(
      @Nullable Integer employees, @Nullable Long capitalYen, @Nullable SizeClass explicitClass) {
    this.employees = employees;
    this.capitalYen = capitalYen;
    this.sizeClass = explicitClass;
  }

  void locate(@Nullable String prefecture, @Nullable String website, @Nullable String country) {
    this.prefecture = prefecture;
    this.website = website;
    this.country = country;
  }

  void replaceContacts(List<Contact> newContacts) {
    this.contacts = new HashSet<>(newContacts);
  }

  void replaceServices(List<OperatorService> newServices) {
    this.services = new HashSet<>(newServices);
  }

  void joinCeptoars(Set<OrganisationId> ceptoarIds) {
    this.ceptoars = new HashSet<>();
    ceptoarIds.forEach(c -> this.ceptoars.add(new CeptoarMembership(c.value())));
  }

  void deactivate() {
    this.active = false;
  }

  void reactivate() {
    this.active = true;
  }

  OrganisationSummary summary() {
    return new OrganisationSummary(
        id(),
        code,
        Set.copyOf(kinds),
        nameJa,
        nameEn,
        sectorId == null ? null : new SectorId(sectorId),
        active);
  }

  OrganisationId id() {
    return new OrganisationId(id);
  }

  String code() {
    return code;
  }

  Set<OrganisationKind> kinds() {
    return Set.copyOf(kinds);
  }

  boolean is(OrganisationKind kind) {
    return kinds.contains(kind);
  }

  LocalizedText name() {
    return new LocalizedText(nameJa, nameEn);
  }

  @Nullable SectorId sector() {
    return sectorId == null ? null : new SectorId(sectorId);
  }

  @Nullable SizeClass explicitSizeClass() {
    return sizeClass;
  }

  @Nullable Integer employees() {
    return employees;
  }

  @Nullable Long capitalYen() {
    return capitalYen;
  }

  @Nullable String prefecture() {
    return prefecture;
  }

  @Nullable String website() {
    return website;
  }

  @Nullable String country() {
    return country;
  }

  boolean active() {
    return active;
  }

  Instant createdAt() {
    return createdAt;
  }

  List<Contact> contactsInOrder() {
    return contacts.stream().sorted(Comparator.comparingInt(Contact::position)).toList();
  }

  List<OperatorService> servicesInOrder() {
    return services.stream().sorted(Comparator.comparingInt(OperatorService::position)).toList();
  }

  Set<OrganisationId> ceptoarIds() {
    Set<OrganisationId> ids = new HashSet<>();
    ceptoars.forEach(c -> ids.add(new OrganisationId(c.ceptoarId())));
    return ids;
  }

  /** The sectors the organisation works in: its own and those of its services. */
  Set<SectorId> sectors() {
    Set<SectorId> sectors = new HashSet<>();
    if (sectorId != null) {
      sectors.add(new SectorId(sectorId));
    }
    services.forEach(s -> sectors.add(new SectorId(s.sectorId())));
    return sectors;
  }
}
