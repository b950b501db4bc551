package org.mamori.access;

import java.util.HashSet;
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
 *     audience; AMBER and AMBER+STRICT items may be read there
 * @param namedRecipients for TLP:RED, the people it is addressed to (its author among them)
 * @param amberReaders organisations that read the item for a while without being on its route (an
 *     organisation joining an open situation that takes the item in): they may read it while it is
 *     marked AMBER, never AMBER+STRICT or RED, and only as long as this set names them now. Copies
 *     made to last (TAXII objects) never carry them.
 */
public record Disclosure(
    OrganisationId originator,
    Tlp tlp,
    Set<OrganisationId> recipients,
    Set<PersonId> namedRecipients,
    Set<OrganisationId> amberReaders) {

  public Disclosure {
    recipients = Set.copyOf(recipients);
    namedRecipients = Set.copyOf(namedRecipients);
    amberReaders = Set.copyOf(amberReaders);
  }

  /** An item read by its route (or audience) and named people only. */
  public Disclosure(
      OrganisationId originator,
      Tlp tlp,
      Set<OrganisationId> recipients,
      Set<PersonId> namedRecipients) {
    this(originator, tlp, recipients, namedRecipients, Set.of());
  }

  /**
   * The same item under another marking where that is the stricter (a version, a comment or a file
   * marked stricter than its case); otherwise itself.
   */
  public Disclosure under(Tlp marking) {
    return marking.isStricterThan(tlp)
        ? new Disclosure(originator, marking, recipients, namedRecipients, amberReaders)
        : this;
  }

  /** The same item with more organisations reading it while it is AMBER. */
  public Disclosure withAmberReaders(Set<OrganisationId> more) {
    if (more.isEmpty()) {
      return this;
    }
    Set<OrganisationId> all = new HashSet<>(amberReaders);
    all.addAll(more);
    return new Disclosure(originator, tlp, recipients, namedRecipients, all);
  }
}
