package org.mamori.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of e-mails and webhook calls. A delivery is keyed by (happening, channel, recipient):
 * enqueuing it twice adds nothing. Nodes claim due deliveries with {@code FOR UPDATE SKIP LOCKED},
 * so several nodes share the work without sending anything twice while all of them are alive.
 */
@Component
class Deliveries {

  private static final int OUTCOME_LENGTH = 300;
  private static final String SITUATION = "SITUATION";

  private final JdbcClient jdbc;

  Deliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the delivery, due at once; false if it was queued before. */
  boolean enqueue(Addressed happening, Delivery.Channel channel, UUID recipient, Instant at) {
    return insert(
        happening.key(),
        channel,
        recipient,
        happening.organisation(),
        happening.kind(),
        happening.variant(),
        happening.urgent(),
        happening.item().kind().name(),
        happening.item().id(),
        null,
        "",
        happening.about(),
        at);
  }

  /** Queues a delivery about a situation, due at once; false if it was queued before. */
  boolean enqueue(SituationNotice notice, Delivery.Channel channel, UUID recipient, Instant at) {
    return insert(
        notice.key(),
        channel,
        recipient,
        notice.organisation(),
        notice.kind(),
        notice.variant(),
        true,
        SITUATION,
        notice.situation(),
        notice.subject(),
        notice.reference(),
        null,
        at);
  }

  private boolean insert(
      String key,
      Delivery.Channel channel,
      UUID recipient,
      OrganisationId organisation,
      NotificationKind kind,
      String variant,
      boolean urgent,
      String itemKind,
      UUID itemId,
      @Nullable LocalizedText subject,
      String reference,
      @Nullable OrganisationId about,
      Instant at) {
    return jdbc.sql(
                """
                insert into notify_delivery (id, event_key, channel, recipient, organisation_id,
                                             kind, variant, urgent, item_kind, item_id,
                                             subject_ja, subject_en, reference,
                                             about_organisation, created_at, state,
                                             next_attempt_at)
                values (:id, :key, :channel, :recipient, :organisation, :kind, :variant, :urgent,
                        :itemKind, :itemId, :ja, :en, :reference, :about, :at, 'PENDING', :at)
                on conflict (event_key, channel, recipient) do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("key", key)
            .param("channel", channel.name())
            .param("recipient", recipient)
            .param("organisation", organisation.value())
            .param("kind", kind.name())
            .param("variant", variant)
            .param("urgent", urgent)
            .param("itemKind", itemKind)
            .param("itemId", itemId)
            .param("ja", subject == null ? "" : subject.ja())
            .param("en", subject == null ? "" : subject.en())
            .param("reference", reference)
            .param("about", about == null ? null : about.value())
            .param("at", SqlTime.utc(at))
            .update()
        == 1;
  }

  /**
   * Claims up to {@code limit} due deliveries on the given channels for this node: each counts an
   * attempt and is not due again until {@code claimFor} has passed, when another node may take it
   * over if this one never reported back.
   */
  List<Delivery> claim(
      Collection<Delivery.Channel> channels, Instant now, Duration claimFor, int limit) {
    return jdbc.sql(
            """
            update notify_delivery d
            set attempts = d.attempts + 1, next_attempt_at = :claimedUntil
            where d.id in (select id from notify_delivery
                           where state = 'PENDING' and next_attempt_at <= :now
                             and channel in (:channels)
                           order by next_attempt_at
                           limit :limit
                           for update skip locked)
            returning d.*
            """)
        .param("claimedUntil", SqlTime.utc(now.plus(claimFor)))
        .param("now", SqlTime.utc(now))
        .param("channels", channels.stream().map(Enum::name).toList())
        .param("limit", limit)
        .query(Deliveries::row)
        .list();
  }

  void sent(UUID id, String outcome, Instant at) {
    finish(id, Delivery.State.SENT, outcome, at);
  }

  void withheld(UUID id, String outcome) {
    finish(id, Delivery.State.WITHHELD, outcome, null);
  }

  void failed(UUID id, String outcome) {
    finish(id, Delivery.State.FAILED, outcome, null);
  }

  void retryAt(UUID id, String outcome, Instant next) {
    jdbc.sql(
            """
            update notify_delivery set next_attempt_at = :next, last_outcome = :outcome
            where id = :id and state = 'PENDING'
            """)
        .param("next", SqlTime.utc(next))
        .param("outcome", shorten(outcome))
        .param("id", id)
        .update();
  }

  /** The organisation's latest deliveries on one channel, newest first. */
  List<Delivery> log(OrganisationId organisation, Delivery.Channel channel, int limit) {
    return jdbc.sql(
            """
            select * from notify_delivery
            where organisation_id = :organisation and channel = :channel
            order by created_at desc, id
            limit :limit
            """)
        .param("organisation", organisation.value())
        .param("channel", channel.name())
        .param("limit", limit)
        .query(Deliveries::row)
        .list();
  }

  private void finish(UUID id, Delivery.State state, String outcome, @Nullable Instant sentAt) {
    jdbc.sql(
            """
            update notify_delivery set state = :state, last_outcome = :outcome, sent_at = :sentAt
            where id = :id and state = 'PENDING'
            """)
        .param("state", state.name())
        .param("outcome", shorten(outcome))
        .param("sentAt", SqlTime.utc(sentAt))
        .param("id", id)
        .update();
  }

  private static String shorten(String outcome) {
    return outcome.length() <= OUTCOME_LENGTH ? outcome : outcome.substring(0, OUTCOME_LENGTH);
  }

  private static Delivery row(ResultSet rs, int n) throws SQLException {
    UUID about = rs.getObject("about_organisation", UUID.class);
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getString("event_key"),
        Delivery.Channel.valueOf(rs.getString("channel")),
        rs.getObject("recipient", UUID.class),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        NotificationKind.valueOf(rs.getString("kind")),
        rs.getString("variant"),
        rs.getBoolean("urgent"),
        Inbox.item(rs.getString("item_kind"), rs.getObject("item_id", UUID.class)),
        Inbox.situation(rs.getString("item_kind"), rs.getObject("item_id", UUID.class)),
        Inbox.subject(rs.getString("subject_ja"), rs.getString("subject_en")),
        rs.getString("reference"),
        about == null ? null : new OrganisationId(about),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        Delivery.State.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
        rs.getString("last_outcome"),
        SqlTime.instant(rs.getObject("sent_at", OffsetDateTime.class)));
  }
}
