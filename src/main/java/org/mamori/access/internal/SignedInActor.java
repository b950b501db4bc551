package org.mamori.access.internal;

import java.util.Optional;
import org.mamori.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request's sign-in, if any. */
public final class SignedInActor {

  private SignedInActor() {}

  public static Optional<Actor> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof MamoriPrincipal p
        ? Optional.of(p.actor())
        : Optional.empty();
  }
}
