package org.mamori.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_entry table: appended to, read, never updated. */
@Repository
class AuditEntries {

  /** Serialises appends across every node: the chain has one tail. */
  private static final long CHAIN_LOCK = 0x4d414d4f5249L;

  private static final RowMapper<AuditEntry> ROWS =
      (rs, i) ->
          new AuditEntry(
              rs.getLong("position"),
              rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
              rs.getObject("actor_person", UUID.class),
              rs.getObject("actor_organisation", UUID.class),
              rs.getString("action"),
              rs.getString("subject_type"),
              rs.getString("subject_id"),
              rs.getString("summary"),
              rs.getString("before_digest"),
              rs.getString("after_digest"),
              rs.getString("previous_mac"),
              rs.getString("mac"));

  private final JdbcClient jdbc;

  AuditEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UUID chainId() {
    return jdbc.sql("select id from audit_chain").query(UUID.class).single();
  }

  /** Takes the chain lock until the current transaction ends. */
  void lockTail() {
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleRow();
  }

  Optional<AuditEntry> last() {
    return jdbc.sql("select * from audit_entry order by position desc limit 1")
        .query(ROWS)
        .optional();
  }

  Optional<AuditEntry> at(long position) {
    return jdbc.sql("select * from audit_entry where position = :position")
        .param("position", position)
        .query(ROWS)
        .optional();
  }

  void append(AuditEntry entry) {
    jdbc.sql(
            """
            insert into audit_entry (position, recorded_at, actor_person, actor_organisation,
              action, subject_type, subject_id, summary, before_digest, after_digest,
              previous_mac, mac)
            values (:position, :recordedAt, :actorPerson, :actorOrganisation, :action,
              :subjectType, :subjectId, :summary, :beforeDigest, :afterDigest, :previousMac, :mac)
            """)
        .param("position", entry.position())
        .param("recordedAt", SqlTime.utc(entry.recordedAt()))
        .param("actorPerson", entry.actorPerson())
        .param("actorOrganisation", entry.actorOrganisation())
        .param("action", entry.action())
        .param("subjectType", entry.subjectType())
        .param("subjectId", entry.subjectId())
        .param("summary", entry.summary())
        .param("beforeDigest", entry.beforeDigest())
        .param("afterDigest", entry.afterDigest())
        .param("previousMac", entry.previousMac())
        .param("mac", entry.mac())
        .update();
  }

  /** Streams every entry in position order, without holding them all in memory. */
  void forEachInOrder(Consumer<AuditEntry> visitor) {
    try (var entries =
        jdbc
            .sql("select * from audit_entry order by position")
            .withFetchSize(1000)
            .query(ROWS)
            .stream()) {
      entries.forEach(visitor);
    }
  }

  /** Which entries a reader asked for. Null fields do not filter. */
  record Filter(
      @Nullable String subjectType,
      @Nullable String subjectId,
      @Nullable UUID organisation,
      @Nullable Instant from,
      @Nullable Instant to) {}

  private static final String FILTERED =
      """
      select * from audit_entry
      where position < :before
        and (cast(:subjectType as text) is null or subject_type = :subjectType)
        and (cast(:subjectId as text) is null or subject_id = :subjectId)
        and (cast(:organisation as uuid) is null or actor_organisation = :organisation)
        and (cast(:from as timestamptz) is null or recorded_at >= :from)
        and (cast(:to as timestamptz) is null or recorded_at < :to)
      order by position desc
      """;

  /** A page of matching entries, newest first, before the given position. */
  List<AuditEntry> page(Filter filter, long beforePosition, int size) {
    return filtered(filter, beforePosition, FILTERED + " limit :size")
        .param("size", size)
        .query(ROWS)
        .list();
  }

  /** Streams every matching entry, newest first, without holding them all in memory. */
  void forEachMatching(Filter filter, Consumer<AuditEntry> visitor) {
    try (var matching =
        filtered(filter, Long.MAX_VALUE, FILTERED).withFetchSize(1000).query(ROWS).stream()) {
      matching.forEach(visitor);
    }
  }

  private JdbcClient.StatementSpec filtered(Filter filter, long before, String sql) {
    return jdbc.sql(sql)
        .param("before", before)
        .param("subjectType", filter.subjectType())
        .param("subjectId", filter.subjectId())
        .param("organisation", filter.organisation())
        .param("from", SqlTime.utc(filter.from()))
        .param("to", SqlTime.utc(filter.to()));
  }
}
