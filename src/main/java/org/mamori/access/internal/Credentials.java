package org.mamori.access.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's sign-in secrets. */
@Repository
class Credentials {

  private final JdbcClient jdbc;

  Credentials(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Credential(
      UUID personId,
      @Nullable String passwordHash,
      @Nullable String totpSecret,
      @Nullable Instant totpConfirmedAt,
      @Nullable Long totpLastStep,
      @Nullable UUID lastActingFor) {

    boolean hasPassword() {
      return passwordHash != null;
    }

    boolean hasTwoStep() {
      return totpSecret != null && totpConfirmedAt != null;
    }
  }

  Optional<Credential> find(UUID person) {
    return jdbc.sql(
            """
            select person_id, password_hash, totp_secret, totp_confirmed_at, totp_last_step,
                   last_acting_for
            from credential where person_id = :person
            """)
        .param("person", person)
        .query(
            (rs, i) ->
                new Credential(
                    rs.getObject("person_id", UUID.class),
                    rs.getString("password_hash"),
                    rs.getString("totp_secret"),
                    SqlTime.instant(rs.getObject("totp_confirmed_at", OffsetDateTime.class)),
                    rs.getObject("totp_last_step", Long.class),
                    rs.getObject("last_acting_for", UUID.class)))
        .optional();
  }

  void setPassword(UUID person, String hash, Instant at) {
    jdbc.sql(
            """
            insert into credential (person_id, password_hash, password_changed_at)
            values (:person, :hash, :at)
            on conflict (person_id) do update
              set password_hash = excluded.password_hash,
                  password_changed_at = excluded.password_changed_at
            """)
        .param("person", person)
        .param("hash", hash)
        .param("at", SqlTime.utc(at))
        .update();
  }

  void startTwoStepSetup(UUID person, String encryptedSecret) {
    jdbc.sql(
            """
            insert into credential (person_id, totp_secret) values (:person, :secret)
            on conflict (person_id) do update
              set totp_secret = excluded.totp_secret, totp_confirmed_at = null,
                  totp_last_step = null
            """)
        .param("person", person)
        .param("secret", encryptedSecret)
        .update();
  }

  void confirmTwoStep(UUID person, Instant at, long step) {
    jdbc.sql(
            """
            update credential set totp_confirmed_at = :at, totp_last_step = :step
            where person_id = :person
            """)
        .param("person", person)
        .param("at", SqlTime.utc(at))
        .param("step", step)
        .update();
  }

  /**
   * Records a used code's time step, only if it is newer than the last one: false means the code
   * was already used (a replay).
   */
  boolean acceptStep(UUID person, long step) {
    return jdbc.sql(
                """
                update credential set totp_last_step = :step
                where person_id = :person and (totp_last_step is null or totp_last_step < :step)
                """)
            .param("person", person)
            .param("step", step)
            .update()
        == 1;
  }

  void removeTwoStep(UUID person) {
    jdbc.sql(
            """
            update credential set totp_secret = null, totp_confirmed_at = null,
                                  totp_last_step = null
            where person_id = :person
            """)
        .param("person", person)
        .update();
  }

  void recordSignIn(UUID person, UUID actingFor, Instant at) {
    jdbc.sql(
            """
            insert into credential (person_id, last_acting_for, last_signed_in_at)
            values (:person, :org, :at)
            on conflict (person_id) do update
              set last_acting_for = excluded.last_acting_for,
                  last_signed_in_at = excluded.last_signed_in_at
            """)
        .param("person", person)
        .param("org", actingFor)
        .param("at", SqlTime.utc(at))
        .update();
  }

  Optional<UUID> personByOidcSubject(String subject) {
    return jdbc.sql("select person_id from credential where oidc_subject = :subject")
        .param("subject", subject)
        .query(UUID.class)
        .optional();
  }

  /** The OpenID Connect subject the person is linked to, if any. */
  Optional<String> oidcSubjectOf(UUID person) {
    return jdbc.sql("select oidc_subject from credential where person_id = :person")
        .param("person", person)
        .query((rs, i) -> Optional.ofNullable(rs.getString("oidc_subject")))
        .optional()
        .flatMap(subject -> subject);
  }

  void linkOidcSubject(UUID person, String subject) {
    jdbc.sql(
            """
            insert into credential (person_id, oidc_subject) values (:person, :subject)
            on conflict (person_id) do update set oidc_subject = excluded.oidc_subject
            """)
        .param("person", person)
        .param("subject", subject)
        .update();
  }
}
