package org.mamori.access.internal;

import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.shared.Actor;

/**
 * The TLP decision for one reader, whose membership of the organisation they act for was checked
 * once. Kept free of queries so a list of a thousand items costs one membership check.
 */
record TlpReader(Actor actor, boolean member) implements AccessPolicy.Reader {

  @Override
  public boolean mayRead(Disclosure item) {
    if (actor.isSystem()) {
      return true;
    }
    if (!member) {
      return false;
    }
    return switch (item.tlp()) {
      case CLEAR, GREEN -> true;
      case AMBER, AMBER_STRICT ->
          item.originator().equals(actor.organisation())
              || item.recipients().contains(actor.organisation());
      case RED -> item.namedRecipients().contains(actor.person());
    };
  }
}
