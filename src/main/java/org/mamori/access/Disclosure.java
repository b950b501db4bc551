package org.mamori.access;

import java.util.Set;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;

/**
 * What the one access decision needs to know about a shared item (a report, an advisory, a comment,
 * an attachment).
 *
 * @param originator the organisation the item comes from
 * @param tlp its marking
 * @param recipients the organisations it has reached so far: a report's route, an advisory's
 *     audience; AMBER items may be read there
 * @param namedRecipients for TLP:RED, the people it is addressed to (its author among them)
 */
public record Disclosure(
    OrganisationId originator,
    Tlp tlp,
    Set<OrganisationId> recipients,
    Set<PersonId> namedRecipients) {

  public Disclosure {
    recipients = Set.copyOf(recipients);
    namedRecipients = Set.copyOf(namedRecipients);
  }
}
