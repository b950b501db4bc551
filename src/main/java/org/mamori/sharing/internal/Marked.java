package org.mamori.sharing.internal;

import java.util.UUID;
import org.mamori.access.Disclosure;
import org.mamori.shared.Tlp;

/** A shared item whose TLP marking may be changed: a report or an advisory. */
interface Marked {

  UUID id();

  String reference();

  Tlp tlp();

  Disclosure disclosure();

  /** Marks it stricter; refuses a marking that is not stricter. */
  void markStricter(Tlp stricter);

  /**
   * Loosens the marking (the caller checked the actor is the originator); refuses a stricter one.
   */
  void loosen(Tlp looser);
}
