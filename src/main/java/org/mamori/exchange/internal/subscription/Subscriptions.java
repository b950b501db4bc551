package org.mamori.exchange.internal.subscription;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.subscription.Subscription.Counts;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions, their polls' outcomes and refusals. Claims use {@code FOR UPDATE SKIP LOCKED}
 * and a lease, so nodes sharing a database never poll one subscription at once.
 */
@Repository
class Subscriptions {

  private final JdbcClient jdbc;

  Subscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Subscription> all() {
    return jdbc.sql("select * from taxii_subscription order by created_at, id")
        .query((rs, i) -> subscription(rs))
        .list();
  }

  Optional<Subscription> byId(UUID id) {
    return jdbc.sql("select * from taxii_subscription where id = :id")
        .param("id", id)
        .query((rs, i) -> subscription(rs))
        .optional();
  }

  void insert(
      UUID id, SubscriptionDefinition definition, @Nullable String sealedSecret, Instant at) {
    jdbc.sql(
            """
            insert into taxii_subscription (id, title, remote_url, auth_kind, auth_user,
                                            sealed_secret, poll_interval_seconds, marking_ceiling,
                                            target_collection, receiving_organisation, enabled,
                                            next_poll_at, created_at, updated_at)
            values (:id, :title, :url, :authKind, :authUser, :secret, :interval, :ceiling, :target,
                    :organisation, true, :at, :at, :at)
            """)
        .param("id", id)
        .params(columns(definition))
        .param("secret", sealedSecret)
        .param("at", SqlTime.utc(at))
        .update();
  }

  void update(
      UUID id, SubscriptionDefinition definition, @Nullable String sealedSecret, Instant at) {
    jdbc.sql(
            """
            update taxii_subscription
               set title = :title, remote_url = :url, auth_kind = :authKind, auth_user = :authUser,
                   sealed_secret = :secret, poll_interval_seconds = :interval,
                   marking_ceiling = :ceiling, target_collection = :target,
                   receiving_organisation = :organisation, updated_at = :at
             where id = :id
            """)
        .param("id", id)
        .params(columns(definition))
        .param("secret", sealedSecret)
        .param("at", SqlTime.utc(at))
        .update();
  }

  /** Enabling makes it due at once; disabling stops the polls (one under way finishes). */
  void enable(UUID id, boolean enabled, Instant at) {
    jdbc.sql(
            "update taxii_subscription set enabled = :enabled, next_poll_at = :at, updated_at = :at"
                + " where id = :id")
        .param("id", id)
        .param("enabled", enabled)
        .param("at", SqlTime.utc(at))
        .update();
  }

  /** Claims the enabled subscription due longest, unless another node is polling it. */
  Optional<UUID> claimDue(Instant now, Duration lease) {
    return claim(
        "select id from taxii_subscription where enabled and next_poll_at <= :now and"
            + " (polling_until is null or polling_until < :now) order by next_poll_at limit 1",
        null,
        now,
        lease);
  }

  /** Claims the subscription whether due or not, unless another node is polling it. */
  Optional<UUID> claim(UUID id, Instant now, Duration lease) {
    return claim(
        "select id from taxii_subscription where id = :id and"
            + " (polling_until is null or polling_until < :now)",
        id,
        now,
        lease);
  }

  private Optional<UUID> claim(String candidate, @Nullable UUID id, Instant now, Duration lease) {
    return jdbc.sql(
            """
            update taxii_subscription set polling_until = :until, last_poll_at = :now
             where id = (%s for update skip locked)
            returning id
            """
                .formatted(candidate))
        .param("id", id)
        .param("now", SqlTime.utc(now))
        .param("until", SqlTime.utc(now.plus(lease)))
        .query(UUID.class)
        .optional();
  }

  /** The high-water mark, locking the subscription until the current transaction ends. */
  Optional<String> lockHighWaterMark(UUID id) {
    return jdbc.sql("select high_water_mark from taxii_subscription where id = :id for update")
        .param("id", id)
        .query((rs, i) -> Optional.ofNullable(rs.getString(1)))
        .single();
  }

  void advance(UUID id, @Nullable String highWaterMark) {
    jdbc.sql("update taxii_subscription set high_water_mark = :mark where id = :id")
        .param("id", id)
        .param("mark", highWaterMark)
        .update();
  }

  void succeeded(UUID id, Counts counts, Instant at, Instant nextPoll) {
    jdbc.sql(
            """
            update taxii_subscription
               set polling_until = null, next_poll_at = :next, last_success_at = :at,
                   consecutive_failures = 0, last_stored = :stored, last_unchanged = :unchanged,
                   last_above_ceiling = :above, last_refused = :refused
             where id = :id
            """)
        .param("id", id)
        .param("at", SqlTime.utc(at))
        .param("next", SqlTime.utc(nextPoll))
        .params(counts(counts))
        .update();
  }

  /** Records a failed poll; returns how many polls in a row have failed now. */
  int failed(
      UUID id,
      Counts counts,
      @Nullable Integer status,
      String message,
      Instant at,
      Duration pollInterval,
      SubscriptionSettings settings) {
    int failures =
        jdbc.sql(
                """
                update taxii_subscription
                   set polling_until = null, last_error_at = :at, last_error_status = :status,
                       last_error = :message, consecutive_failures = consecutive_failures + 1,
                       last_stored = :stored, last_unchanged = :unchanged,
                       last_above_ceiling = :above, last_refused = :refused
                 where id = :id
                returning consecutive_failures
                """)
            .param("id", id)
            .param("at", SqlTime.utc(at))
            .param("status", status)
            .param("message", message)
            .params(counts(counts))
            .query(Integer.class)
            .single();
    jdbc.sql("update taxii_subscription set next_poll_at = :next where id = :id")
        .param("id", id)
        .param("next", SqlTime.utc(at.plus(settings.backoff(pollInterval, failures))))
        .update();
    return failures;
  }

  /** A refused object: kept with the reason for the subscription's page. */
  record Refusal(String objectId, String version, String reason, Instant refusedAt) {}

  void refuse(UUID id, List<Refusal> refusals, int kept) {
    for (Refusal refusal : refusals) {
      jdbc.sql(
              """
              insert into taxii_subscription_refusal (subscription_id, object_id, version, reason,
                                                      refused_at)
              values (:id, :object, :version, :reason, :at)
              """)
          .param("id", id)
          .param("object", refusal.objectId())
          .param("version", refusal.version())
          .param("reason", refusal.reason())
          .param("at", SqlTime.utc(refusal.refusedAt()))
          .update();
    }
    if (!refusals.isEmpty()) {
      jdbc.sql(
              """
              delete from taxii_subscription_refusal
               where subscription_id = :id
                 and id < (select min(id) from (select id from taxii_subscription_refusal
                                                 where subscription_id = :id
                                                 order by id desc limit :kept) latest)
              """)
          .param("id", id)
          .param("kept", kept)
          .update();
    }
  }

  List<Refusal> latestRefusals(UUID id, int limit) {
    return jdbc.sql(
            """
            select object_id, version, reason, refused_at from taxii_subscription_refusal
             where subscription_id = :id order by id desc limit :limit
            """)
        .param("id", id)
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Refusal(
                    rs.getString("object_id"),
                    rs.getString("version"),
                    rs.getString("reason"),
                    rs.getObject("refused_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  private static Map<String, Object> counts(Counts counts) {
    return Map.of(
        "stored", counts.stored(),
        "unchanged", counts.unchanged(),
        "above", counts.aboveCeiling(),
        "refused", counts.refused());
  }

  private static Map<String, Object> columns(SubscriptionDefinition definition) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("title", definition.title());
    columns.put("url", definition.remoteUrl().toString());
    columns.put("authKind", definition.authKind().name());
    columns.put("authUser", definition.authUser());
    columns.put("interval", (int) definition.pollInterval().toSeconds());
    columns.put("ceiling", definition.ceiling().name());
    columns.put("target", definition.targetCollection());
    columns.put("organisation", definition.receivingOrganisation().value());
    return columns;
  }

  private static Subscription subscription(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getObject("id", UUID.class),
        rs.getString("title"),
        URI.create(rs.getString("remote_url")),
        AuthKind.valueOf(rs.getString("auth_kind")),
        rs.getString("auth_user"),
        rs.getString("sealed_secret"),
        Duration.ofSeconds(rs.getInt("poll_interval_seconds")),
        Tlp.valueOf(rs.getString("marking_ceiling")),
        rs.getObject("target_collection", UUID.class),
        new OrganisationId(rs.getObject("receiving_organisation", UUID.class)),
        rs.getBoolean("enabled"),
        rs.getString("high_water_mark"),
        instant(rs, "next_poll_at"),
        instant(rs, "last_poll_at"),
        instant(rs, "last_success_at"),
        instant(rs, "last_error_at"),
        rs.getObject("last_error_status", Integer.class),
        rs.getString("last_error"),
        rs.getInt("consecutive_failures"),
        new Counts(
            rs.getInt("last_stored"),
            rs.getInt("last_unchanged"),
            rs.getInt("last_above_ceiling"),
            rs.getInt("last_refused")),
        instant(rs, "created_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
