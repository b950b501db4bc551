package org.mamori.notify.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.SharedItems.ItemRef;

/**
 * One e-mail to a person or one webhook call to an organisation, waiting in the outbox or done.
 *
 * @param recipient the person (e-mail) or the organisation (webhook)
 * @param organisation the organisation the recipient was told as
 * @param item the shared item it is about; null for one about a situation
 * @param situation the situation it is about; null for one about a shared item
 * @param subject what one about a situation says (its reference, level and rhythm); null for one
 *     about a shared item
 * @param reference the situation's reference for one about a situation, else empty
 * @param lastOutcome what the last attempt gave, in words for the delivery log ("HTTP 200")
 */
record Delivery(
    UUID id,
    String eventKey,
    Channel channel,
    UUID recipient,
    OrganisationId organisation,
    NotificationKind kind,
    String variant,
    boolean urgent,
    @Nullable ItemRef item,
    @Nullable UUID situation,
    @Nullable LocalizedText subject,
    String reference,
    @Nullable OrganisationId about,
    Instant createdAt,
    State state,
    int attempts,
    Instant nextAttemptAt,
    String lastOutcome,
    @Nullable Instant sentAt) {

  enum Channel {
    EMAIL,
    WEBHOOK
  }

  enum State {
    /** Waiting to be sent, or to be tried again. */
    PENDING,
    SENT,
    /** Not sent, on purpose: the recipient may no longer be told (or has gone). */
    WITHHELD,
    /** Given up after too many failed attempts, or refused for good. */
    FAILED
  }
}
