package org.mamori.directory.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A critical-infrastructure sector, with its history (added, renamed, split) and the ministries
 * responsible for it over time.
 */
class Sector {

  private final @Id UUID id;
  private final String code;
  private int displayOrder;
  private String nameJa;
  private String nameEn;
  private String descriptionJa;
  private String descriptionEn;
  private final LocalDate designatedOn;
  private @Nullable LocalDate retiredOn;

  @MappedCollection(idColumn = "sector_id")
  private final Set<LineageEntry> lineage;

  @MappedCollection(idColumn = "sector_id")
  private final Set<MinistryAssignment> ministries;

  private @Version @Nullable Long version;

  @PersistenceCreator
  Sector(
      UUID id,
      String code,
      int displayOrder,
      String nameJa,
      String nameEn,
      String descriptionJa,
      String descriptionEn,
      LocalDate designatedOn,
      @Nullable LocalDate retiredOn,
      Set<LineageEntry> lineage,
      Set<MinistryAssignment> ministries,
      @Nullable Long version) {
    this.id = id;
    this.code = code;
    this.displayOrder = displayOrder;
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.descriptionJa = descriptionJa;
    this.descriptionEn = descriptionEn;
    this.designatedOn = designatedOn;
    this.retiredOn = retiredOn;
    this.lineage = new HashSet<>(lineage);
    this.ministries = new HashSet<>(ministries);
    this.version = version;
  }

  /** A sector newly designated as critical infrastructure. */
  static Sector designate(
      String code,
      int displayOrder,
      LocalizedText name,
      LocalDate on,
      OrganisationId ministry,
      String noteJa,
      String noteEn) {
    Sector sector =
        new Sector(
            UUID.randomUUID(),
            code,
            displayOrder,
            name.ja(),
            name.en(),
            "",
            "",
            on,
            null,
            Set.of(),
            Set.of(),
            null);
    sector.lineage.add(LineageEntry.added(on, noteJa, noteEn));
    sector.ministries.add(MinistryAssignment.from(ministry.value(), on));
    return sector;
  }

  void recordSplitFrom(SectorId original, LocalDate on, String noteJa, String noteEn) {
    lineage.removeIf(e -> e.event() == LineageEntry.Event.ADDED && e.occurredOn().equals(on));
    lineage.add(LineageEntry.splitFrom(on, original.value(), noteJa, noteEn));
  }

  void rename(LocalizedText newName, LocalDate on, String noteJa, String noteEn) {
    if (newName.ja().equals(nameJa) && newName.en().equals(nameEn)) {
      return;
    }
    lineage.add(LineageEntry.renamed(on, nameJa, noteJa, noteEn));
    this.nameJa = newName.ja();
    this.nameEn = newName.en();
  }

  void describe(String descriptionJa, String descriptionEn) {
    this.descriptionJa = descriptionJa;
    this.descriptionEn = descriptionEn;
  }

  void reorder(int displayOrder) {
    this.displayOrder = displayOrder;
  }

  /**
   * Hands the sector to another ministry from a date: the current assignment ends the day before.
   */
  void transferTo(OrganisationId ministry, LocalDate from) {
    MinistryAssignment current =
        currentMinistryAssignment(from)
            .orElseThrow(() -> new IllegalStateException("sector has no ministry on " + from));
    if (current.ministryId().equals(ministry.value())) {
      return;
    }
    if (!from.isAfter(current.validFrom())) {
      throw new IllegalArgumentException("a transfer must come after the current assignment began");
    }
    ministries.remove(current);
    ministries.add(current.endingOn(from.minusDays(1)));
    ministries.add(MinistryAssignment.from(ministry.value(), from));
  }

  Optional<MinistryAssignment> currentMinistryAssignment(LocalDate on) {
    return ministries.stream().filter(a -> a.coversDate(on)).findFirst();
  }

  List<LineageEntry> lineageInOrder() {
    return lineage.stream().sorted(Comparator.comparing(LineageEntry::occurredOn)).toList();
  }

  List<MinistryAssignment> ministriesInOrder() {
    return ministries.stream().sorted(Comparator.comparing(MinistryAssignment::validFrom)).toList();
  }

  boolean isActive(LocalDate on) {
    return !designatedOn.isAfter(on) && (retiredOn == null || retiredOn.isAfter(on));
  }

  SectorId id() {
    return new SectorId(id);
  }

  String code() {
    return code;
  }

  int displayOrder() {
    return displayOrder;
  }

  LocalizedText name() {
    return new LocalizedText(nameJa, nameEn);
  }

  String descriptionJa() {
    return descriptionJa;
  }

  String descriptionEn() {
    return descriptionEn;
  }

  String description(java.util.Locale locale) {
    return "en".equals(locale.getLanguage()) && !descriptionEn.isBlank()
        ? descriptionEn
        : descriptionJa;
  }

  LocalDate designatedOn() {
    return designatedOn;
  }

  @Nullable LocalDate retiredOn() {
    return retiredOn;
  }
}
