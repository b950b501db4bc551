package org.mamori.access;

import org.mamori.directory.Capability;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;

/**
 * The one place that decides who may see and do what. Feature modules ask it; it knows no feature
 * module.
 */
public interface AccessPolicy {

  /** Does the actor's role in the organisation they act for grant the capability? */
  boolean can(Actor actor, Capability capability);

  /**
   * May the actor see the organisation's private details (contacts, people, services, reports it
   * keeps to itself)? The organisation itself, the ministries responsible for its sectors, its
   * CEPTOARs and the national hub may.
   */
  boolean looksAfter(Actor actor, OrganisationId organisation);

  /**
   * May the actor read the item? TLP 2.0 as Mamori applies it, for every read path (pages, API,
   * search, exports, notifications, feeds):
   *
   * <ul>
   *   <li>CLEAR and GREEN: any member of Mamori's community;
   *   <li>AMBER and AMBER+STRICT: people acting for the originator or for an organisation the item
   *       has reached (AMBER may be passed on to recipients' clients, which adds them as
   *       recipients; AMBER+STRICT may not); AMBER, not AMBER+STRICT, also for its {@link
   *       Disclosure#amberReaders() AMBER readers} while they are named;
   *   <li>RED: the named people only, whichever organisation they act for.
   * </ul>
   *
   * Nobody reads anything while acting for an organisation they are not (or no longer) a member of.
   */
  boolean mayRead(Actor actor, Disclosure item);

  /**
   * May an organisation as a whole read the item, for work Mamori does on its behalf (the national
   * hub's situation desk weighing incoming reports)? The same TLP decision as for its people,
   * except that TLP:RED, being addressed to named people, is never readable by an organisation.
   */
  boolean organisationMayRead(OrganisationId organisation, Disclosure item);

  /** The same decision for many items of one reader: their membership is checked once. */
  Reader readerFor(Actor actor);

  /** Anyone who holds an item may mark it stricter; only its originator may loosen the marking. */
  boolean mayLoosen(Actor actor, Disclosure item);

  /** Reads items for one actor. */
  interface Reader {

    Actor actor();

    boolean mayRead(Disclosure item);
  }
}
