package org.mamori.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Channel;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.EndpointType;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.SharingDirection;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to sectors: their names, order, responsible ministry, and new designations. */
@Service
@Transactional
class SectorAdministration {

  private final Sectors sectors;
  private final Organisations organisations;
  private final SharingEdges edges;
  private final DirectoryPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SectorAdministration(
      Sectors sectors,
      Organisations organisations,
      SharingEdges edges,
      DirectoryPolicy policy,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sectors = sectors;
    this.organisations = organisations;
    this.edges = edges;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  void edit(
      Actor by,
      String code,
      LocalizedText name,
      String descriptionJa,
      String descriptionEn,
      int displayOrder) {
    requirePlatformAdministrator(by);
    Sector sector = sector(code);
    SectorState before = SectorState.of(sector);
    sector.rename(name, JapanDate.today(clock), "", "");
    sector.describe(descriptionJa.strip(), descriptionEn.strip());
    sector.reorder(displayOrder);
    Sector saved = sectors.save(sector);
    audit(by, "directory.sector.edited", saved, before, "Sector " + code + " edited");
  }

  void transfer(Actor by, String code, OrganisationId ministry, LocalDate from) {
    requirePlatformAdministrator(by);
    requireMinistry(ministry);
    Sector sector = sector(code);
    SectorState before = SectorState.of(sector);
    try {
      sector.transferTo(ministry, from);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new DirectoryRuleViolation("sector.transfer.tooEarly");
    }
    Sector saved = sectors.save(sector);
    audit(by, "directory.sector.transferred", saved, before, "Sector " + code + " transferred");
  }

  /** Makes a new sector, optionally split from an existing one. */
  SectorId designate(
      Actor by,
      String code,
      LocalizedText name,
      LocalDate on,
      OrganisationId ministry,
      @Nullable String splitFromCode,
      String noteJa,
      String noteEn) {
    requirePlatformAdministrator(by);
    requireMinistry(ministry);
    if (!code.matches("^[a-z][a-z0-9-]{1,40}$")) {
      throw new DirectoryRuleViolation("sector.code.invalid");
    }
    if (sectors.findByCode(code).isPresent()) {
      throw new DirectoryRuleViolation("sector.code.taken", code);
    }
    Sector sector =
        Sector.designate(code, sectors.lastDisplayOrder() + 1, name, on, ministry, noteJa, noteEn);
    if (splitFromCode != null && !splitFromCode.isBlank()) {
      sector.recordSplitFrom(sector(splitFromCode).id(), on, noteJa, noteEn);
    }
    Sector saved = sectors.save(sector);
    audit(by, "directory.sector.designated", saved, null, "Sector " + code + " designated");
    // A new sector's operators report to its ministry from the first day, as every sector's do.
    SharingEdge route =
        edges.save(
            SharingEdge.draw(
                SharingDirection.REPORT,
                new SharingEdge.Endpoint(EndpointType.SECTOR_OPERATORS, saved.id().value()),
                new SharingEdge.Endpoint(EndpointType.ORGANISATION, ministry.value()),
                new SharingEdge.HopSettings(Channel.MAMORI, 1, false, false, "", "")));
    events.publishEvent(
        new AuditableChange(
            by,
            "directory.sharing-map.edge-drawn",
            "sharing-edge",
            route.id().toString(),
            "Report route of the new sector " + code,
            null,
            SharingMapAdministration.EdgeState.of(route)));
    return saved.id();
  }

  private void requireMinistry(OrganisationId ministry) {
    Organisation organisation =
        organisations
            .findById(ministry.value())
            .orElseThrow(() -> new DirectoryRuleViolation("organisation.unknown"));
    if (!organisation.is(OrganisationKind.SECTOR_MINISTRY)) {
      throw new DirectoryRuleViolation("sector.ministry.notMinistry");
    }
  }

  private Sector sector(String code) {
    return sectors
        .findByCode(code)
        .orElseThrow(() -> new DirectoryRuleViolation("sector.unknown", code));
  }

  private void requirePlatformAdministrator(Actor by) {
    if (!policy.mayAdministerPlatform(by)) {
      throw new AccessDeniedException("only platform administrators change sectors");
    }
  }

  private void audit(
      Actor by, String action, Sector after, @Nullable SectorState before, String summary) {
    events.publishEvent(
        new AuditableChange(
            by, action, "sector", after.id().toString(), summary, before, SectorState.of(after)));
  }

  /** What the audit digest covers. */
  record SectorState(
      String code,
      int displayOrder,
      String nameJa,
      String nameEn,
      String descriptionJa,
      String descriptionEn,
      Map<String, String> ministries,
      List<String> lineage) {

    static SectorState of(Sector sector) {
      return new SectorState(
          sector.code(),
          sector.displayOrder(),
          sector.name().ja(),
          sector.name().en(),
          sector.descriptionJa(),
          sector.descriptionEn(),
          sector.ministriesInOrder().stream()
              .collect(
                  Collectors.toMap(
                      a -> a.validFrom().toString(),
                      a -> a.ministryId() + "→" + a.validTo(),
                      (a, b) -> a,
                      java.util.TreeMap::new)),
          sector.lineageInOrder().stream()
              .map(e -> e.occurredOn() + " " + e.event() + " " + e.relatedSectorId())
              .toList());
    }
  }
}
