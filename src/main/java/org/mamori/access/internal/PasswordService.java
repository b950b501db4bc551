package org.mamori.access.internal;

import java.time.Clock;
import org.mamori.access.Passwords;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: at least 10 characters, at most 128, no other composition rules (NIST SP 800-63B);
 * stored as Argon2id hashes.
 */
@Service
@Transactional
class PasswordService implements Passwords {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private final Credentials credentials;
  private final PasswordEncoder encoder;
  private final SignInThrottle throttle;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PasswordService(
      Credentials credentials,
      PasswordEncoder encoder,
      SignInThrottle throttle,
      ApplicationEventPublisher events,
      Clock clock) {
    this.credentials = credentials;
    this.encoder = encoder;
    this.throttle = throttle;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void set(Actor by, PersonId person, String password) {
    checkStrength(password);
    credentials.setPassword(person.value(), encoder.encode(password), clock.instant());
    events.publishEvent(
        new AuditableChange(
            by, "access.password.set", "person", person.toString(), "Password set", null, null));
  }

  /**
   * Changes the signed-in person's own password, after checking the current one. Wrong current
   * passwords count toward the sign-in lockout of the person's address.
   *
   * @throws AccessRuleViolation if the person has no password, the current one is wrong, or the
   *     address is locked
   */
  void change(Actor actor, PersonId person, String email, String current, String replacement) {
    if (credentials.find(person.value()).filter(Credentials.Credential::hasPassword).isEmpty()) {
      throw new AccessRuleViolation("password.none", null);
    }
    refuseIfLocked(email);
    if (!matches(person, current)) {
      throttle.recordFailure(email);
      refuseIfLocked(email);
      throw new AccessRuleViolation("password.current.wrong", "currentPassword");
    }
    throttle.recordSuccess(email);
    set(actor, person, replacement);
  }

  private void refuseIfLocked(String email) {
    throttle
        .lockedUntil(email)
        .ifPresent(
            until -> {
              throw new AccessRuleViolation(
                  "password.locked", "currentPassword", SignInThrottle.shown(until));
            });
  }

  /** Is the password long enough and not too long? */
  static boolean acceptable(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= MIN_LENGTH && length <= MAX_LENGTH;
  }

  boolean matches(PersonId person, String password) {
    return credentials
        .find(person.value())
        .map(Credentials.Credential::passwordHash)
        .map(hash -> encoder.matches(password, hash))
        .orElse(false);
  }

  static void checkStrength(String password) {
    if (!acceptable(password)) {
      throw new IllegalArgumentException(
          "a password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
  }
}
