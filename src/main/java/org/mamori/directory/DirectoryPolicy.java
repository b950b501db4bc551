package org.mamori.directory;

import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;

/**
 * The permission questions the directory needs answered. Declared here, answered by the access
 * module (which holds the one decision function), so the directory depends on no other module.
 */
public interface DirectoryPolicy {

  /**
   * May the actor see the organisation's contacts, people and services? The organisation itself,
   * its responsible ministry, its CEPTOARs and the national hub may.
   */
  boolean maySeePrivateDetails(Actor actor, OrganisationId organisation);

  /** May the actor add, change or remove the organisation's people and details? */
  boolean mayManage(Actor actor, OrganisationId organisation);

  /** May the actor change sectors, organisations, roles and the sharing map for everyone? */
  boolean mayAdministerPlatform(Actor actor);
}
