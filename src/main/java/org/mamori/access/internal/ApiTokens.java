package org.mamori.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens. The secret itself is never stored: only its SHA-256 hash. */
@Repository
class ApiTokens {

  /** How stale "last used" may be: one write a minute at most, however busy the token. */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private static final String COLUMNS =
      "id, person_id, organisation_id, name, token_prefix, scope, created_at, expires_at,"
          + " last_used_at, revoked_at";

  private final JdbcClient jdbc;

  ApiTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  enum Scope {
    /** Only safe methods (GET, HEAD, OPTIONS). */
    READ,
    /** Everything the person may do for the organisation. */
    WRITE
  }

  record ApiToken(
      UUID id,
      UUID personId,
      UUID organisationId,
      String name,
      String prefix,
      Scope scope,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {

    boolean usableAt(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Whether the last use recorded is older than its precision, so worth writing again. */
    boolean lastUseStaleAt(Instant now) {
      return lastUsedAt == null || !lastUsedAt.isAfter(now.minus(LAST_USED_PRECISION));
    }
  }

  void add(ApiToken token, String hash) {
    jdbc.sql(
            """
            insert into api_token (id, person_id, organisation_id, name, token_prefix, token_hash,
                                   scope, created_at, expires_at)
            values (:id, :person, :organisation, :name, :prefix, :hash, :scope, :created, :expires)
            """)
        .param("id", token.id())
        .param("person", token.personId())
        .param("organisation", token.organisationId())
        .param("name", token.name())
        .param("prefix", token.prefix())
        .param("hash", hash)
        .param("scope", token.scope().name())
        .param("created", SqlTime.utc(token.createdAt()))
        .param("expires", SqlTime.utc(token.expiresAt()))
        .update();
  }

  Optional<ApiToken> findByHash(String hash) {
    return jdbc.sql("select " + COLUMNS + " from api_token where token_hash = :hash")
        .param("hash", hash)
        .query(ApiTokens::row)
        .optional();
  }

  /** One of the person's own tokens; someone else's token is not found. */
  Optional<ApiToken> find(UUID id, UUID person) {
    return jdbc.sql("select " + COLUMNS + " from api_token where id = :id and person_id = :person")
        .param("id", id)
        .param("person", person)
        .query(ApiTokens::row)
        .optional();
  }

  /** The person's tokens, newest first. */
  List<ApiToken> ofPerson(UUID person) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from api_token where person_id = :person order by created_at desc, name")
        .param("person", person)
        .query(ApiTokens::row)
        .list();
  }

  boolean revoke(UUID id, UUID person, Instant at) {
    return jdbc.sql(
                """
                update api_token set revoked_at = :at
                where id = :id and person_id = :person and revoked_at is null
                """)
            .param("id", id)
            .param("person", person)
            .param("at", SqlTime.utc(at))
            .update()
        == 1;
  }

  /** Notes a use, unless one was noted less than a minute ago. */
  void touch(UUID id, Instant now) {
    jdbc.sql(
            """
            update api_token set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at <= :staleBefore)
            """)
        .param("id", id)
        .param("now", SqlTime.utc(now))
        .param("staleBefore", SqlTime.utc(now.minus(LAST_USED_PRECISION)))
        .update();
  }

  private static ApiToken row(ResultSet rs, int i) throws SQLException {
    return new ApiToken(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("name"),
        rs.getString("token_prefix"),
        Scope.valueOf(rs.getString("scope")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
        SqlTime.instant(rs.getObject("last_used_at", OffsetDateTime.class)),
        SqlTime.instant(rs.getObject("revoked_at", OffsetDateTime.class)));
  }
}
