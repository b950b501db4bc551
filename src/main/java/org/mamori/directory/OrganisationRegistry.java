package org.mamori.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;

/** Registers organisations of any kind: used by start-up tasks such as the demo data. */
public interface OrganisationRegistry {

  /**
   * Registers an organisation. Platform administrators only (and Mamori itself).
   *
   * @throws DirectoryRuleViolation if the code is malformed or taken, no kind is given, or an
   *     operator or CEPTOAR has no sector
   */
  OrganisationId register(
      Actor by,
      String code,
      Set<OrganisationKind> kinds,
      LocalizedText name,
      @Nullable SectorId sector);
}
