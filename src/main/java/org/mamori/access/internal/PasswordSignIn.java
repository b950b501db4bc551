package org.mamori.access.internal;

import java.util.List;
import java.util.Optional;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.PersonSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail address and password. Too many failures lock the address for a while; a person
 * with two-step sign-in gets a pending authentication that only the code page accepts.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

  /** Compared against when the address is unknown, so timing does not tell who has an account. */
  private final String decoyHash;

  private final Directory directory;
  private final Credentials credentials;
  private final PasswordEncoder passwords;
  private final SignInThrottle throttle;
  private final SignInCompletion completion;

  PasswordSignIn(
      Directory directory,
      Credentials credentials,
      PasswordEncoder passwords,
      SignInThrottle throttle,
      SignInCompletion completion) {
    this.directory = directory;
    this.credentials = credentials;
    this.passwords = passwords;
    this.throttle = throttle;
    this.completion = completion;
    this.decoyHash = passwords.encode("decoy-password-for-unknown-addresses");
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String email = String.valueOf(attempt.getName()).strip();
    String password = String.valueOf(attempt.getCredentials());
    refuseIfLocked(email);
    Optional<PersonSummary> person = directory.personByEmail(email);
    Optional<Credentials.Credential> credential =
        person.flatMap(p -> credentials.find(p.id().value()));
    String hash = credential.map(Credentials.Credential::passwordHash).orElse(decoyHash);
    boolean matches = passwords.matches(password, hash);
    if (!matches || person.isEmpty() || credential.isEmpty() || !credential.get().hasPassword()) {
      if (throttle.recordFailure(email)) {
        log.warn("Sign-in for {} locked after repeated failures", email);
        // Say so at once: the attempt that locks the address is told until when.
        refuseIfLocked(email);
      }
      throw new BadCredentialsException("bad credentials");
    }
    if (!person.get().active()) {
      throw new DisabledException("inactive");
    }
    List<MembershipSummary> memberships = directory.membershipsOf(person.get().id());
    if (memberships.isEmpty()) {
      throw new DisabledException("no organisation");
    }
    throttle.recordSuccess(email);
    return completion.afterFirstFactor(person.get(), credential.get(), memberships);
  }

  private void refuseIfLocked(String email) {
    throttle
        .lockedUntil(email)
        .ifPresent(
            until -> {
              throw new LockedException(SignInThrottle.shown(until));
            });
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
