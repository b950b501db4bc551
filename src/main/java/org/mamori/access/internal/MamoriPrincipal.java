package org.mamori.access.internal;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;

/**
 * The signed-in person and the organisation they act for. Kept in the session (in the database), so
 * it holds only identifiers and a name to show.
 */
record MamoriPrincipal(UUID personId, String email, String displayName, UUID actingFor)
    implements Principal, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  Actor actor() {
    return new Actor(new PersonId(personId), new OrganisationId(actingFor));
  }

  MamoriPrincipal actingFor(OrganisationId organisation) {
    return new MamoriPrincipal(personId, email, displayName, organisation.value());
  }

  @Override
  public String getName() {
    return email;
  }
}
