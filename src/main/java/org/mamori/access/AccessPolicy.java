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
}
