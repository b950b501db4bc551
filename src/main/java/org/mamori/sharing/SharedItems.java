package org.mamori.sharing;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;

/**
 * What other modules (notifications, exchange) may learn about a shared item: who it has reached,
 * and what one reader may be told of it. Every answer goes through the access decision.
 */
public interface SharedItems {

  enum Kind {
    REPORT,
    ADVISORY
  }

  /** A report or an advisory. */
  record ItemRef(Kind kind, UUID id) {}

  /**
   * What a notice to one reader may say: nothing when the reader may not read the item.
   *
   * @param reference a short reference people quote (R2026-00042)
   * @param title the item's title or summary, as the reader may read it
   * @param path where the item is, relative to Mamori's base address (/reports/R2026-00042)
   */
  record Notice(ItemRef item, String reference, String title, Tlp tlp, String path) {}

  Optional<Notice> noticeFor(ItemRef item, Actor reader);

  /** The organisations the item has reached so far (its originator not included). */
  Set<OrganisationId> reachedOrganisations(ItemRef item);
}
