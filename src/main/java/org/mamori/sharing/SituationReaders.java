package org.mamori.sharing;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mamori.shared.OrganisationId;

/**
 * Organisations that read reports for a while without being on their routes: those that joined an
 * open situation whose scope takes the reports in. The situation module answers; the sharing module
 * asks in one place, for every read path (pages, lists, search, API, exports, notifications), and
 * adds them to each report's disclosure as {@link org.mamori.access.Disclosure#amberReaders() AMBER
 * readers}: they read an AMBER report in scope, never an AMBER+STRICT or RED one, and only while
 * the answer names them (until the situation closes or drops below the level that brought them).
 */
public interface SituationReaders {

  /**
   * The organisations reading each of these reports now through an open situation.
   *
   * @return only the reports some organisation reads that way
   */
  Map<UUID, Set<OrganisationId>> readersOf(Collection<UUID> reports);

  /** The reports the organisation reads now through an open situation. */
  Set<UUID> reportsReadBy(OrganisationId organisation);
}
