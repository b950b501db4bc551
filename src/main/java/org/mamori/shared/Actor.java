package org.mamori.shared;

import java.util.UUID;

/**
 * A person acting for one organisation: who did something, and on whose behalf. Mamori's own
 * scheduled and start-up work acts as {@link #SYSTEM}.
 */
public record Actor(PersonId person, OrganisationId organisation) {

  private static final UUID NIL = new UUID(0, 0);

  public static final Actor SYSTEM = new Actor(new PersonId(NIL), new OrganisationId(NIL));

  public boolean isSystem() {
    return person.value().equals(NIL);
  }
}
