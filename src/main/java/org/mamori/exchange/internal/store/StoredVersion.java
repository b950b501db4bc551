package org.mamori.exchange.internal.store;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;

/**
 * One version of a STIX object in a collection, with what the TLP decision needs to know about it.
 *
 * @param row the store's own number for the row
 * @param version the version as the object writes it ({@code modified}, else {@code created}, else
 *     the date it was added)
 * @param recipients the organisations it has reached, for an object published from a Mamori item;
 *     null: whoever may read the collection
 * @param json the object as it was posted, in UTF-8 as stored (served as it is, never decoded);
 *     null when the query did not ask for it
 */
public record StoredVersion(
    long row,
    String objectId,
    String specVersion,
    String version,
    Instant dateAdded,
    Tlp tlp,
    OrganisationId originator,
    Set<PersonId> namedRecipients,
    @Nullable Set<OrganisationId> recipients,
    byte @Nullable [] json) {

  public Cursor cursor() {
    return new Cursor(dateAdded, row);
  }

  /** The media type TAXII manifests give for this version. */
  public String mediaType() {
    return "application/stix+json;version=" + specVersion;
  }
}
