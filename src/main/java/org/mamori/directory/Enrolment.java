package org.mamori.directory;

import java.util.Set;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;

/** Adds people to organisations: used by start-up tasks (demo data, the first administrator). */
public interface Enrolment {

  /**
   * Makes the person a member of the organisation with the given roles, registering the person
   * first if the e-mail address is new. Audited as done by {@code by}.
   *
   * @throws IllegalArgumentException if a role does not exist or may not be held in that kind of
   *     organisation
   */
  PersonId enrol(
      Actor by, String email, String displayName, OrganisationId organisation, Set<String> roles);
}
