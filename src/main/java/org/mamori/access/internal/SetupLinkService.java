package org.mamori.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.platform.MamoriProperties;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which a person chooses their password: the first administrator's (24 hours)
 * and invitations from an organisation administrator (7 days). Until Mamori sends e-mail, the
 * person who creates a link passes it on by hand.
 */
@Service
@Transactional
class SetupLinkService {

  static final Duration BOOTSTRAP_VALIDITY = Duration.ofHours(24);
  static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
  static final int SECRET_CHARACTERS = 40;

  private final SetupLinks links;
  private final PasswordService passwords;
  private final Directory directory;
  private final MamoriProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SetupLinkService(
      SetupLinks links,
      PasswordService passwords,
      Directory directory,
      MamoriProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.links = links;
    this.passwords = passwords;
    this.directory = directory;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** A link just created: its full address exists only here and in what the creator passes on. */
  record Issued(String url, Instant expiresAt) {}

  enum State {
    USABLE,
    USED,
    EXPIRED,
    UNKNOWN
  }

  /** What a link is good for now; the person only when it is usable. */
  record Lookup(State state, @Nullable PersonSummary person) {}

  Issued issue(Actor by, PersonId person, SetupLinks.Purpose purpose, Duration validity) {
    Instant now = clock.instant();
    String secret = SecretTokens.base62(SECRET_CHARACTERS);
    Instant expires = now.plus(validity);
    links.add(
        SecretTokens.hash(secret),
        new SetupLinks.SetupLink(person.value(), purpose, now, expires, null));
    events.publishEvent(
        new AuditableChange(
            by,
            "access.setup-link.created",
            "person",
            person.toString(),
            "Password setup link created (" + purpose.name().toLowerCase(Locale.ROOT) + ")",
            null,
            new LinkState(purpose, expires, false)));
    String base = properties.baseUrl().toString().replaceAll("/+$", "");
    return new Issued(base + "/setup/" + secret, expires);
  }

  @Transactional(readOnly = true)
  Lookup look(String secret) {
    Optional<SetupLinks.SetupLink> link = links.find(SecretTokens.hash(secret));
    if (link.isEmpty()) {
      return new Lookup(State.UNKNOWN, null);
    }
    if (link.get().usedAt() != null) {
      return new Lookup(State.USED, null);
    }
    if (!link.get().expiresAt().isAfter(clock.instant())) {
      return new Lookup(State.EXPIRED, null);
    }
    return directory
        .person(new PersonId(link.get().personId()))
        .filter(PersonSummary::active)
        .map(p -> new Lookup(State.USABLE, p))
        .orElse(new Lookup(State.UNKNOWN, null));
  }

  /**
   * Sets the link's person's password and uses the link up.
   *
   * @throws AccessRuleViolation if the password is too short or too long, or the link is unknown,
   *     used or expired
   */
  void choosePassword(String secret, String password) {
    if (!PasswordService.acceptable(password)) {
      throw new AccessRuleViolation(
          "password.length", "password", PasswordService.MIN_LENGTH, PasswordService.MAX_LENGTH);
    }
    String hash = SecretTokens.hash(secret);
    SetupLinks.SetupLink link =
        links
            .find(hash)
            .filter(l -> look(secret).state() == State.USABLE)
            .orElseThrow(() -> new AccessRuleViolation("setup.link.notUsable", null));
    UUID person =
        links
            .use(hash, clock.instant())
            .orElseThrow(() -> new AccessRuleViolation("setup.link.notUsable", null));
    PersonId id = new PersonId(person);
    // The person acts for themselves here; they may not be able to sign in anywhere yet.
    OrganisationId organisation =
        directory.membershipsOf(id).stream()
            .map(m -> m.organisation())
            .findFirst()
            .orElse(Actor.SYSTEM.organisation());
    Actor actor = new Actor(id, organisation);
    passwords.set(actor, id, password);
    events.publishEvent(
        new AuditableChange(
            actor,
            "access.setup-link.used",
            "person",
            id.toString(),
            "Password chosen with a setup link",
            new LinkState(link.purpose(), link.expiresAt(), false),
            new LinkState(link.purpose(), link.expiresAt(), true)));
  }

  /** What the audit digest covers: never the secret or its hash. */
  record LinkState(SetupLinks.Purpose purpose, Instant expiresAt, boolean used) {}
}
