package org.mamori.access;

import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;

/** Sets sign-in passwords outside the person's own account page (start-up tasks, demo data). */
public interface Passwords {

  /**
   * Sets the person's password. Audited as done by {@code by}.
   *
   * @throws IllegalArgumentException if the password is too short or too long
   */
  void set(Actor by, PersonId person, String password);
}
