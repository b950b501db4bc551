package org.mamori.access.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238): setting it up, proving a code at
 * sign-in, turning it off. A code is accepted for its own step and the ones either side, and never
 * twice: each accepted step must be later than the last.
 */
@Service
@Transactional
class TwoStep {

  static final String ISSUER = "Mamori";
  static final int SECRET_BYTES = 20;

  private static final Logger log = LoggerFactory.getLogger(TwoStep.class);

  private final Credentials credentials;
  private final TotpSecretBox box;
  private final SignInThrottle throttle;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TwoStep(
      Credentials credentials,
      TotpSecretBox box,
      SignInThrottle throttle,
      ApplicationEventPublisher events,
      Clock clock) {
    this.credentials = credentials;
    this.box = box;
    this.throttle = throttle;
    this.events = events;
    this.clock = clock;
  }

  /**
   * What an authenticator app needs to be set up.
   *
   * @param secret the base32 secret, for typing by hand
   * @param otpauthUri the {@code otpauth://} URI the QR code holds
   * @param qrCode the QR code as a {@code data:} URI
   */
  record SetupKey(String secret, String otpauthUri, String qrCode) {

    public String secretInGroups() {
      return Base32.grouped(secret);
    }
  }

  /** Is two-step sign-in set up and confirmed for the person? */
  @Transactional(readOnly = true)
  boolean isOn(UUID person) {
    return credentials.find(person).map(Credentials.Credential::hasTwoStep).orElse(false);
  }

  /**
   * The secret being set up for the person: the one already waiting for its first code, so
   * reloading the page keeps the QR code the person may have scanned, or a fresh one.
   *
   * @throws AccessRuleViolation if two-step sign-in is already on
   */
  SetupKey setupKey(UUID person, String email) {
    Credentials.Credential credential = credentials.find(person).orElse(null);
    if (credential != null && credential.hasTwoStep()) {
      throw new AccessRuleViolation("twoStep.alreadyOn", null);
    }
    byte[] secret = null;
    if (credential != null && credential.totpSecret() != null) {
      try {
        secret = box.open(person, credential.totpSecret());
      } catch (IllegalStateException unreadable) {
        log.info("Replacing an unreadable two-step secret waiting for confirmation");
      }
    }
    if (secret == null) {
      secret = SecretTokens.randomBytes(SECRET_BYTES);
      credentials.startTwoStepSetup(person, box.seal(person, secret));
    }
    String base32 = Base32.encode(secret);
    String uri = otpauthUri(email, base32);
    return new SetupKey(base32, uri, QrCodes.pngDataUri(uri));
  }

  /**
   * Turns two-step sign-in on once the person proves the app shows the right code.
   *
   * @throws AccessRuleViolation if the code is wrong or no setup is waiting
   */
  void confirm(Actor actor, UUID person, String code) {
    Credentials.Credential credential =
        credentials
            .find(person)
            .filter(c -> c.totpSecret() != null)
            .orElseThrow(() -> new AccessRuleViolation("twoStep.setup.missing", null));
    if (credential.hasTwoStep()) {
      throw new AccessRuleViolation("twoStep.alreadyOn", null);
    }
    Instant now = clock.instant();
    OptionalLong step = Totp.matchingStep(box.open(person, credential.totpSecret()), code, now);
    if (step.isEmpty()) {
      throw new AccessRuleViolation("twoStep.code.wrong", "code");
    }
    credentials.confirmTwoStep(person, now, step.getAsLong());
    audit(actor, person, "access.two-step.turned-on", "Two-step sign-in turned on", false, true);
  }

  /** Checks a code typed at sign-in, and uses its step up so the same code never works again. */
  boolean verify(UUID person, String code) {
    Credentials.Credential credential =
        credentials.find(person).filter(Credentials.Credential::hasTwoStep).orElse(null);
    if (credential == null) {
      return false;
    }
    OptionalLong step =
        Totp.matchingStep(box.open(person, credential.totpSecret()), code, clock.instant());
    return step.isPresent() && credentials.acceptStep(person, step.getAsLong());
  }

  /**
   * Turns two-step sign-in off with a current code. Wrong codes count toward the sign-in lockout of
   * the person's address, as at sign-in.
   *
   * @throws AccessRuleViolation if the code is wrong or the address is locked
   */
  void turnOff(Actor actor, UUID person, String email, String code) {
    refuseIfLocked(email);
    if (!verify(person, code)) {
      throttle.recordFailure(email);
      refuseIfLocked(email);
      throw new AccessRuleViolation("twoStep.code.wrong", "code");
    }
    throttle.recordSuccess(email);
    credentials.removeTwoStep(person);
    audit(actor, person, "access.two-step.turned-off", "Two-step sign-in turned off", true, false);
  }

  private void refuseIfLocked(String email) {
    throttle
        .lockedUntil(email)
        .ifPresent(
            until -> {
              throw new AccessRuleViolation("twoStep.locked", "code", SignInThrottle.shown(until));
            });
  }

  static String otpauthUri(String email, String base32Secret) {
    String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8);
    return "otpauth://totp/"
        + label.replace("+", "%20")
        + "?secret="
        + base32Secret
        + "&issuer="
        + ISSUER
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP_SECONDS;
  }

  /** What the audit digest covers: only whether two-step sign-in is on, never the secret. */
  record TwoStepState(boolean on) {}

  private void audit(
      Actor actor, UUID person, String action, String summary, boolean before, boolean after) {
    events.publishEvent(
        new AuditableChange(
            actor,
            action,
            "person",
            person.toString(),
            summary,
            new TwoStepState(before),
            new TwoStepState(after)));
  }
}
