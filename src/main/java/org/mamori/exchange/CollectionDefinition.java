package org.mamori.exchange;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;

/**
 * What a platform administrator decides about a TAXII collection.
 *
 * @param title shown to TAXII clients and on Mamori's pages
 * @param description optional, blank when none
 * @param alias an optional short name clients may use instead of the collection's id (lower-case
 *     letters, digits and hyphens)
 * @param defaultTlp the marking of an object that carries no TLP marking of its own; never CLEAR
 * @param readableByEveryone every member of Mamori may read the collection
 * @param readerOrganisations organisations that may read it (besides everyone, if that is set)
 * @param readerSectors sectors whose operators and CEPTOARs may read it
 * @param writerOrganisations organisations whose people may add objects to it
 */
public record CollectionDefinition(
    String title,
    String description,
    @Nullable String alias,
    Tlp defaultTlp,
    boolean readableByEveryone,
    Set<OrganisationId> readerOrganisations,
    Set<SectorId> readerSectors,
    Set<OrganisationId> writerOrganisations) {

  public CollectionDefinition {
    readerOrganisations = Set.copyOf(readerOrganisations);
    readerSectors = Set.copyOf(readerSectors);
    writerOrganisations = Set.copyOf(writerOrganisations);
  }
}
