package org.mamori.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.mamori.platform.SqlTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per e-mail address in the database (so every node and restart sees the
 * same count) and locks the address for a while after too many. Unknown addresses are counted too,
 * so the lock reveals nothing about who has an account.
 */
@Component
class SignInThrottle {

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Duration lockout;

  SignInThrottle(
      JdbcClient jdbc,
      Clock clock,
      @Value("${mamori.sign-in.max-failures:5}") int maxFailures,
      @Value("${mamori.sign-in.failure-window:PT15M}") Duration window,
      @Value("${mamori.sign-in.lockout:PT15M}") Duration lockout) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
    this.lockout = lockout;
  }

  /** The time the address is locked until, if it is locked now. */
  @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
  public Optional<Instant> lockedUntil(String email) {
    Instant now = clock.instant();
    return jdbc.sql("select locked_until from sign_in_throttle where email_key = :key")
        .param("key", key(email))
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant)
        .filter(until -> until.isAfter(now));
  }

  /**
   * Counts a failure; returns true when this failure locks the address. Runs in its own
   * transaction: a failed sign-in rolls nothing else back, and the count must stick.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean recordFailure(String email) {
    Instant now = clock.instant();
    int failures =
        jdbc.sql(
                """
                insert into sign_in_throttle (email_key, failures, window_started_at)
                values (:key, 1, :now)
                on conflict (email_key) do update set
                  failures = case when sign_in_throttle.window_started_at < :windowStart
                                  then 1 else sign_in_throttle.failures + 1 end,
                  window_started_at = case when sign_in_throttle.window_started_at < :windowStart
                                           then :now else sign_in_throttle.window_started_at end
                returning failures
                """)
            .param("key", key(email))
            .param("now", SqlTime.utc(now))
            .param("windowStart", SqlTime.utc(now.minus(window)))
            .query(Integer.class)
            .single();
    if (failures < maxFailures) {
      return false;
    }
    jdbc.sql(
            """
            update sign_in_throttle set locked_until = :until, failures = 0, window_started_at = :now
            where email_key = :key
            """)
        .param("key", key(email))
        .param("until", SqlTime.utc(now.plus(lockout)))
        .param("now", SqlTime.utc(now))
        .update();
    return true;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordSuccess(String email) {
    jdbc.sql("delete from sign_in_throttle where email_key = :key")
        .param("key", key(email))
        .update();
  }

  /** The end of a lockout as the sign-in page shows it: hours and minutes in Japan time. */
  static String shown(Instant until) {
    return UNTIL.format(until);
  }

  private static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
