package org.mamori.directory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;

/** What the sector page shows. */
record SectorPage(
    String code,
    LocalizedText name,
    String descriptionJa,
    String descriptionEn,
    List<MinistryRow> ministries,
    List<LineageRow> lineage) {

  record MinistryRow(LocalizedText ministry, LocalDate from, @Nullable LocalDate until) {}

  record LineageRow(
      LineageEntry.Event event,
      LocalDate on,
      @Nullable LocalizedText relatedSector,
      @Nullable String formerName,
      String noteJa,
      String noteEn) {

    public String note(Locale locale) {
      return DirectoryViews.pick(locale, noteJa, noteEn);
    }
  }

  public String description(Locale locale) {
    return DirectoryViews.pick(locale, descriptionJa, descriptionEn);
  }

  static SectorPage of(
      Sector sector, Map<UUID, LocalizedText> organisationNames, Map<UUID, LocalizedText> sectors) {
    return new SectorPage(
        sector.code(),
        sector.name(),
        sector.descriptionJa(),
        sector.descriptionEn(),
        sector.ministriesInOrder().stream()
            .map(
                a ->
                    new MinistryRow(
                        organisationNames.getOrDefault(a.ministryId(), new LocalizedText("?", "?")),
                        a.validFrom(),
                        a.validTo()))
            .toList(),
        sector.lineageInOrder().stream()
            .map(
                e ->
                    new LineageRow(
                        e.event(),
                        e.occurredOn(),
                        e.relatedSectorId() == null ? null : sectors.get(e.relatedSectorId()),
                        e.formerNameJa(),
                        e.noteJa(),
                        e.noteEn()))
            .toList());
  }
}
