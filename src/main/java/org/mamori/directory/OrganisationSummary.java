package org.mamori.directory;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;

/** What every signed-in member may know about an organisation: its name, kinds and sector. */
public record OrganisationSummary(
    OrganisationId id,
    String code,
    Set<OrganisationKind> kinds,
    String nameJa,
    String nameEn,
    @Nullable SectorId sector,
    boolean active) {

  public String name(Locale locale) {
    return "en".equals(locale.getLanguage()) && !nameEn.isBlank() ? nameEn : nameJa;
  }

  public boolean is(OrganisationKind kind) {
    return kinds.contains(kind);
  }
}
