package org.mamori.notify.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.sharing.SharedItems.ItemRef;

/**
 * An in-app notice as stored: what happened and to whom, never the item's content.
 *
 * @param item the shared item it is about; null for a notice about a situation joined
 * @param situation the situation a notice about no shared item is about; null for one about a
 *     shared item
 * @param subject what a notice about no shared item names (a situation's reference and level); null
 *     for a notice about a shared item
 */
record StoredNotification(
    UUID id,
    PersonId recipient,
    OrganisationId organisation,
    NotificationKind kind,
    String variant,
    boolean urgent,
    @Nullable ItemRef item,
    @Nullable UUID situation,
    @Nullable LocalizedText subject,
    @Nullable OrganisationId about,
    Instant createdAt,
    @Nullable Instant readAt) {

  /** The reader the notice was decided for: its recipient, acting for that organisation. */
  Actor reader() {
    return new Actor(recipient, organisation);
  }

  boolean read() {
    return readAt != null;
  }
}
