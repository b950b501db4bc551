package org.mamori.access.internal;

import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;

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
    return item.tlp() == Tlp.RED
        ? item.namedRecipients().contains(actor.person())
        : readableFor(actor.organisation(), item);
  }

  /**
   * TLP 2.0 for everything but RED: CLEAR and GREEN for the whole community; AMBER and AMBER+STRICT
   * for the originator and the organisations the item reached; AMBER alone also for its AMBER
   * readers (organisations joining an open situation). RED is never an organisation's.
   */
  static boolean readableFor(OrganisationId organisation, Disclosure item) {
    return switch (item.tlp()) {
      case CLEAR, GREEN -> true;
      case AMBER ->
          item.originator().equals(organisation)
              || item.recipients().contains(organisation)
              || item.amberReaders().contains(organisation);
      case AMBER_STRICT ->
          item.originator().equals(organisation) || item.recipients().contains(organisation);
      case RED -> false;
    };
  }
}
