package org.mamori.notify.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.sharing.SharedItems.ItemRef;

/** An in-app notice as stored: what happened and to whom, never the item's content. */
record StoredNotification(
    UUID id,
    PersonId recipient,
    OrganisationId organisation,
    NotificationKind kind,
    String variant,
    boolean urgent,
    ItemRef item,
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
