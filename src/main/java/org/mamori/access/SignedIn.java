package org.mamori.access;

import java.util.Optional;
import org.mamori.access.internal.SignedInActor;
import org.mamori.shared.Actor;

/**
 * Who is signed in to the current request, for the rare code that may also run for anonymous
 * requests (controller advice); handlers take an {@link Actor} parameter instead.
 */
public final class SignedIn {

  private SignedIn() {}

  /** The person acting for their organisation, or empty when no one is signed in. */
  public static Optional<Actor> actor() {
    return SignedInActor.current();
  }
}
