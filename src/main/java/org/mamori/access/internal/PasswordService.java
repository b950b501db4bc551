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
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PasswordService(
      Credentials credentials,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.credentials = credentials;
    this.encoder = encoder;
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

  boolean matches(PersonId person, String password) {
    return credentials
        .find(person.value())
        .map(Credentials.Credential::passwordHash)
        .map(hash -> encoder.matches(password, hash))
        .orElse(false);
  }

  static void checkStrength(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
  }
}
