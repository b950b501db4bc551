package org.mamori.access.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links to choose a password, kept as SHA-256 hashes of their secret part. */
@Repository
class SetupLinks {

  private final JdbcClient jdbc;

  SetupLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  enum Purpose {
    /** The first administrator of a new installation. */
    BOOTSTRAP,
    /** A person an organisation administrator invited. */
    INVITATION
  }

  record SetupLink(
      UUID personId,
      Purpose purpose,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant usedAt) {}

  void add(String hash, SetupLink link) {
    jdbc.sql(
            """
            insert into setup_link (token_hash, person_id, purpose, created_at, expires_at)
            values (:hash, :person, :purpose, :created, :expires)
            """)
        .param("hash", hash)
        .param("person", link.personId())
        .param("purpose", link.purpose().name())
        .param("created", SqlTime.utc(link.createdAt()))
        .param("expires", SqlTime.utc(link.expiresAt()))
        .update();
  }

  Optional<SetupLink> find(String hash) {
    return jdbc.sql(
            """
            select person_id, purpose, created_at, expires_at, used_at
            from setup_link where token_hash = :hash
            """)
        .param("hash", hash)
        .query(
            (rs, i) ->
                new SetupLink(
                    rs.getObject("person_id", UUID.class),
                    Purpose.valueOf(rs.getString("purpose")),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                    SqlTime.instant(rs.getObject("used_at", OffsetDateTime.class))))
        .optional();
  }

  /**
   * Marks the link used if it is still unused and unexpired, in one statement so two tabs cannot
   * both use it; returns its person, or empty if it could not be used.
   */
  Optional<UUID> use(String hash, Instant now) {
    return jdbc.sql(
            """
            update setup_link set used_at = :now
            where token_hash = :hash and used_at is null and expires_at > :now
            returning person_id
            """)
        .param("hash", hash)
        .param("now", SqlTime.utc(now))
        .query(UUID.class)
        .optional();
  }
}
