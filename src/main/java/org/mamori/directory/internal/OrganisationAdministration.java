package org.mamori.directory.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationRegistry;
import org.mamori.directory.SizeClass;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers organisations and changes their details. */
@Service
@Transactional
class OrganisationAdministration implements OrganisationRegistry {

  static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,60}$";

  private final Organisations organisations;
  private final Sectors sectors;
  private final DirectoryPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrganisationAdministration(
      Organisations organisations,
      Sectors sectors,
      DirectoryPolicy policy,
      ApplicationEventPublisher events,
      Clock clock) {
    this.organisations = organisations;
    this.sectors = sectors;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /** Details an organisation's own administrators may change. */
  record Details(
      LocalizedText name,
      @Nullable String prefecture,
      @Nullable String website,
      @Nullable Integer employees,
      @Nullable Long capitalYen,
      @Nullable SizeClass explicitSizeClass,
      List<ContactLine> contacts,
      List<ServiceLine> services) {}

  record ContactLine(String label, @Nullable String email, @Nullable String phone) {}

  record ServiceLine(UUID sector, String nameJa, String nameEn) {}

  @Override
  public OrganisationId register(
      Actor by,
      String code,
      Set<OrganisationKind> kinds,
      LocalizedText name,
      @Nullable SectorId sector) {
    requirePlatformAdministrator(by);
    String normalised = code.strip().toLowerCase(java.util.Locale.ROOT);
    if (!normalised.matches(CODE_PATTERN)) {
      throw new DirectoryRuleViolation("organisation.code.invalid");
    }
    if (organisations.findByCode(normalised).isPresent()) {
      throw new DirectoryRuleViolation("organisation.code.taken", normalised);
    }
    checkClassification(kinds, sector);
    Organisation organisation =
        organisations.save(Organisation.register(normalised, kinds, name, sector, clock.instant()));
    audit(by, "directory.organisation.registered", organisation, null, "Registered " + normalised);
    return organisation.id();
  }

  void editDetails(Actor by, OrganisationId id, Details details) {
    if (!policy.mayManage(by, id)) {
      throw new AccessDeniedException("may not manage " + id);
    }
    Organisation organisation = organisation(id);
    OrganisationState before = OrganisationState.of(organisation);
    organisation.rename(details.name());
    organisation.locate(
        blankToNull(details.prefecture()), blankToNull(details.website()), organisation.country());
    organisation.describeSize(
        details.employees(), details.capitalYen(), details.explicitSizeClass());
    List<Contact> contacts = new ArrayList<>();
    for (ContactLine line : details.contacts()) {
      if (!line.label().isBlank() || !isBlank(line.email()) || !isBlank(line.phone())) {
        if (line.label().isBlank()) {
          throw new DirectoryRuleViolation("organisation.contact.labelRequired");
        }
        contacts.add(
            Contact.of(
                line.label().strip(),
                blankToNull(line.email()),
                blankToNull(line.phone()),
                contacts.size() + 1));
      }
    }
    organisation.replaceContacts(contacts);
    List<OperatorService> services = new ArrayList<>();
    for (ServiceLine line : details.services()) {
      if (!line.nameJa().isBlank()) {
        if (sectors.findById(line.sector()).isEmpty()) {
          throw new DirectoryRuleViolation("organisation.service.sectorRequired");
        }
        services.add(
            OperatorService.of(
                line.sector(), line.nameJa().strip(), line.nameEn().strip(), services.size() + 1));
      }
    }
    organisation.replaceServices(services);
    Organisation saved = organisations.save(organisation);
    audit(by, "directory.organisation.edited", saved, before, "Details of " + saved.code());
  }

  void classify(
      Actor by,
      OrganisationId id,
      Set<OrganisationKind> kinds,
      @Nullable SectorId sector,
      boolean active,
      Set<OrganisationId> ceptoars) {
    requirePlatformAdministrator(by);
    checkClassification(kinds, sector);
    Organisation organisation = organisation(id);
    OrganisationState before = OrganisationState.of(organisation);
    organisation.classify(kinds, sector);
    for (OrganisationId ceptoar : ceptoars) {
      if (!organisation(ceptoar).is(OrganisationKind.CEPTOAR)) {
        throw new DirectoryRuleViolation("organisation.ceptoar.notCeptoar");
      }
    }
    organisation.joinCeptoars(ceptoars);
    if (active) {
      organisation.reactivate();
    } else {
      organisation.deactivate();
    }
    Organisation saved = organisations.save(organisation);
    audit(by, "directory.organisation.classified", saved, before, "Classified " + saved.code());
  }

  private static void checkClassification(Set<OrganisationKind> kinds, @Nullable SectorId sector) {
    if (kinds.isEmpty()) {
      throw new DirectoryRuleViolation("organisation.kinds.required");
    }
    boolean needsSector =
        kinds.contains(OrganisationKind.OPERATOR) || kinds.contains(OrganisationKind.CEPTOAR);
    if (needsSector && sector == null) {
      throw new DirectoryRuleViolation("organisation.sector.required");
    }
    if (kinds.contains(OrganisationKind.NATIONAL_HUB)
        && !EnumSet.of(OrganisationKind.NATIONAL_HUB).containsAll(kinds)) {
      throw new DirectoryRuleViolation("organisation.hub.alone");
    }
  }

  private Organisation organisation(OrganisationId id) {
    return organisations
        .findById(id.value())
        .orElseThrow(() -> new DirectoryRuleViolation("organisation.unknown"));
  }

  private void requirePlatformAdministrator(Actor by) {
    if (!policy.mayAdministerPlatform(by)) {
      throw new AccessDeniedException("only platform administrators register organisations");
    }
  }

  private void audit(
      Actor by,
      String action,
      Organisation after,
      @Nullable OrganisationState before,
      String summary) {
    events.publishEvent(
        new AuditableChange(
            by,
            action,
            "organisation",
            after.id().toString(),
            summary,
            before,
            OrganisationState.of(after)));
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return isBlank(value) ? null : value.strip();
  }

  /** What the audit digest covers. */
  record OrganisationState(
      String code,
      Set<OrganisationKind> kinds,
      String nameJa,
      String nameEn,
      @Nullable UUID sector,
      @Nullable SizeClass explicitSizeClass,
      @Nullable Integer employees,
      @Nullable Long capitalYen,
      @Nullable String prefecture,
      @Nullable String website,
      boolean active,
      List<String> contacts,
      List<String> services,
      Set<UUID> ceptoars) {

    static OrganisationState of(Organisation o) {
      return new OrganisationState(
          o.code(),
          o.kinds(),
          o.name().ja(),
          o.name().en(),
          o.sector() == null ? null : o.sector().value(),
          o.explicitSizeClass(),
          o.employees(),
          o.capitalYen(),
          o.prefecture(),
          o.website(),
          o.active(),
          o.contactsInOrder().stream()
              .map(c -> c.label() + "|" + c.email() + "|" + c.phone())
              .toList(),
          o.servicesInOrder().stream().map(s -> s.sectorId() + "|" + s.nameJa()).toList(),
          o.ceptoarIds().stream()
              .map(OrganisationId::value)
              .collect(java.util.stream.Collectors.toSet()));
    }
  }
}
