package org.mamori.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.mamori.directory.Capability;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.platform.DeploymentMode;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a person whose first factor is proven into the right authentication: signed in, waiting for
 * the two-step code, or obliged to set two-step sign-in up first (platform administrators outside
 * the demo).
 */
@Component
@Transactional
class SignInCompletion {

  private final Credentials credentials;
  private final DeploymentMode mode;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SignInCompletion(
      Credentials credentials, DeploymentMode mode, ApplicationEventPublisher events, Clock clock) {
    this.credentials = credentials;
    this.mode = mode;
    this.events = events;
    this.clock = clock;
  }

  /**
   * After the first factor (a password, or the organisation's OpenID Connect provider): the code
   * page next if two-step sign-in is on, else signed in.
   */
  Authentication afterFirstFactor(
      PersonSummary person,
      Credentials.Credential credential,
      List<MembershipSummary> memberships) {
    MamoriPrincipal principal = principal(person, credential, memberships);
    if (credential.hasTwoStep()) {
      return authenticated(principal, Authorities.TWO_STEP_PENDING);
    }
    return signedIn(principal, memberships, false);
  }

  /** Completes a sign-in whose every required factor is proven. */
  Authentication signedIn(
      MamoriPrincipal principal, List<MembershipSummary> memberships, boolean twoStepDone) {
    credentials.recordSignIn(principal.personId(), principal.actingFor(), clock.instant());
    events.publishEvent(
        new AuditableChange(
            principal.actor(),
            "access.signed-in",
            "person",
            principal.personId().toString(),
            "Signed in" + (twoStepDone ? " with two-step sign-in" : ""),
            null,
            null));
    if (mustSetUpTwoStep(memberships, twoStepDone, mode.demo())) {
      return authenticated(principal, Authorities.TWO_STEP_SETUP_REQUIRED);
    }
    return authenticated(principal, Authorities.MEMBER);
  }

  /**
   * Platform administrators outside the demo must set two-step sign-in up before anything else; in
   * the demo they are only reminded.
   */
  static boolean mustSetUpTwoStep(
      List<MembershipSummary> memberships, boolean twoStepDone, boolean demo) {
    return !twoStepDone
        && !demo
        && memberships.stream().anyMatch(m -> m.can(Capability.ADMINISTER_PLATFORM));
  }

  MamoriPrincipal principal(
      PersonSummary person,
      Credentials.Credential credential,
      List<MembershipSummary> memberships) {
    UUID actingFor =
        memberships.stream()
            .map(m -> m.organisation().value())
            .filter(id -> id.equals(credential.lastActingFor()))
            .findFirst()
            .orElse(memberships.get(0).organisation().value());
    return new MamoriPrincipal(
        person.id().value(), person.email(), person.displayName(), actingFor);
  }

  static Authentication authenticated(MamoriPrincipal principal, String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, Authorities.of(authorities));
  }
}
