package org.mamori.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Personal API tokens: a person lets a program act for one of their organisations, reading only or
 * also writing, until the token expires or is revoked. The token works only while the person is
 * active and still a member of that organisation, and never grants more than the person's roles.
 */
@Service
@Transactional
class ApiTokenService {

  static final String PREFIX = "mmr_";
  static final int SECRET_CHARACTERS = 40;

  /** How much of a token the list shows, so people can tell their tokens apart. */
  static final int SHOWN_CHARACTERS = PREFIX.length() + 6;

  static final int DEFAULT_DAYS = 90;
  static final int MAX_DAYS = 365;
  static final int MAX_NAME_LENGTH = 100;

  private final ApiTokens tokens;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApiTokenService(
      ApiTokens tokens, Directory directory, ApplicationEventPublisher events, Clock clock) {
    this.tokens = tokens;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /** A new token and its secret, which is shown once and then exists nowhere. */
  record Created(ApiTokens.ApiToken token, String secret) {}

  /** Who a valid token lets in, acting for which organisation, with what scope. */
  record Caller(MamoriPrincipal principal, ApiTokens.Scope scope) {}

  /** Everything wrong with a request for a new token; empty when it can be created. */
  @Transactional(readOnly = true)
  List<AccessRuleViolation> problems(
      UUID person, @Nullable String name, @Nullable UUID organisation, @Nullable Integer days) {
    List<AccessRuleViolation> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add(new AccessRuleViolation("token.name.required", "name"));
    } else if (name.strip().length() > MAX_NAME_LENGTH) {
      problems.add(new AccessRuleViolation("token.name.tooLong", "name", MAX_NAME_LENGTH));
    }
    if (organisation == null || !isMember(person, organisation)) {
      problems.add(new AccessRuleViolation("token.organisation.required", "organisation"));
    }
    if (days == null || days < 1 || days > MAX_DAYS) {
      problems.add(new AccessRuleViolation("token.days.range", "days", 1, MAX_DAYS));
    }
    return problems;
  }

  /**
   * @throws AccessRuleViolation if a field is missing or wrong, or the person is not a member of
   *     the organisation
   */
  Created create(
      Actor actor, UUID person, String name, UUID organisation, ApiTokens.Scope scope, int days) {
    List<AccessRuleViolation> problems = problems(person, name, organisation, days);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    Instant now = clock.instant();
    String secret = PREFIX + SecretTokens.base62(SECRET_CHARACTERS);
    ApiTokens.ApiToken token =
        new ApiTokens.ApiToken(
            UUID.randomUUID(),
            person,
            organisation,
            name.strip(),
            secret.substring(0, SHOWN_CHARACTERS),
            scope,
            now,
            now.plus(Duration.ofDays(days)),
            null,
            null);
    tokens.add(token, SecretTokens.hash(secret));
    events.publishEvent(
        new AuditableChange(
            actor,
            "access.token.created",
            "api-token",
            token.id().toString(),
            "API token created: " + token.name(),
            null,
            TokenState.of(token)));
    return new Created(token, secret);
  }

  /**
   * Revokes one of the person's own tokens; revoking a revoked token changes nothing.
   *
   * @throws ResponseStatusException 404 if the person has no such token
   */
  void revoke(Actor actor, UUID person, UUID id) {
    ApiTokens.ApiToken token =
        tokens
            .find(id, person)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Instant now = clock.instant();
    if (tokens.revoke(id, person, now)) {
      events.publishEvent(
          new AuditableChange(
              actor,
              "access.token.revoked",
              "api-token",
              id.toString(),
              "API token revoked: " + token.name(),
              TokenState.of(token),
              new TokenState(
                  token.name(), token.organisationId(), token.scope(), token.expiresAt(), true)));
    }
  }

  @Transactional(readOnly = true)
  List<ApiTokens.ApiToken> tokensOf(UUID person) {
    return tokens.ofPerson(person);
  }

  /**
   * The caller a presented secret lets in: empty for an unknown, expired or revoked token, or one
   * whose person is no longer active or no longer a member of its organisation.
   */
  Optional<Caller> authenticate(String secret) {
    if (!secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiTokens.ApiToken> token =
        tokens.findByHash(SecretTokens.hash(secret)).filter(t -> t.usableAt(now));
    if (token.isEmpty()) {
      return Optional.empty();
    }
    ApiTokens.ApiToken t = token.get();
    Optional<PersonSummary> person =
        directory.person(new PersonId(t.personId())).filter(PersonSummary::active);
    if (person.isEmpty() || !isMember(t.personId(), t.organisationId())) {
      return Optional.empty();
    }
    if (t.lastUseStaleAt(now)) {
      tokens.touch(t.id(), now);
    }
    PersonSummary p = person.get();
    return Optional.of(
        new Caller(
            new MamoriPrincipal(p.id().value(), p.email(), p.displayName(), t.organisationId()),
            t.scope()));
  }

  private boolean isMember(UUID person, UUID organisation) {
    return directory.membershipsOf(new PersonId(person)).stream()
        .anyMatch(m -> m.organisation().value().equals(organisation));
  }

  /** What the audit digest covers: never the secret or its hash. */
  record TokenState(
      String name, UUID organisation, ApiTokens.Scope scope, Instant expiresAt, boolean revoked) {

    static TokenState of(ApiTokens.ApiToken token) {
      return new TokenState(
          token.name(),
          token.organisationId(),
          token.scope(),
          token.expiresAt(),
          token.revokedAt() != null);
    }
  }
}
