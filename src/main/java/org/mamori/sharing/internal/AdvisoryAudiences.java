package org.mamori.sharing.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.stereotype.Component;

/** Turns the audience an issuer chose into today's organisations, through the directory. */
@Component
class AdvisoryAudiences {

  private final Directory directory;

  AdvisoryAudiences(Directory directory) {
    this.directory = directory;
  }

  /** The active organisations the audience means today, in the directory's name order. */
  Set<OrganisationId> resolve(AdvisoryAudience audience) {
    List<OrganisationSummary> active = directory.activeOrganisations();
    Set<OrganisationId> chosen = new LinkedHashSet<>();
    Set<OrganisationId> inSectors = new LinkedHashSet<>();
    for (SectorId sector : audience.sectors()) {
      inSectors.addAll(directory.activeOperatorsIn(sector));
    }
    for (OrganisationSummary organisation : active) {
      if (audience.everyone()
          || inSectors.contains(organisation.id())
          || audience.organisations().contains(organisation.id())
          || audience.kinds().stream().anyMatch(organisation::is)) {
        chosen.add(organisation.id());
      }
    }
    return chosen;
  }

  /**
   * The organisations named one per line, by code or by name in either language (case aside).
   *
   * @throws AdvisoryRuleViolation naming the lines that match no active organisation
   */
  Set<OrganisationId> named(String lines) {
    List<OrganisationSummary> active = directory.activeOrganisations();
    Set<OrganisationId> found = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String line : lines.split("\\R")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      active.stream()
          .filter(o -> matches(o, name))
          .findFirst()
          .ifPresentOrElse(o -> found.add(o.id()), () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      throw new AdvisoryRuleViolation(
          "advisory.audience.unknownOrganisation", "organisations", String.join("、", unknown));
    }
    return found;
  }

  private static boolean matches(OrganisationSummary organisation, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return organisation.code().toLowerCase(Locale.ROOT).equals(lower)
        || organisation.nameJa().equals(name)
        || organisation.nameEn().toLowerCase(Locale.ROOT).equals(lower);
  }
}
