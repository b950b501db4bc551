package org.mamori.exchange.internal.taxii;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.CollectionDefinition;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;

/** A collection as stored: its definition, and when it was made and last changed. */
public record TaxiiCollection(
    UUID id,
    String title,
    String description,
    @Nullable String alias,
    Tlp defaultTlp,
    boolean readableByEveryone,
    Set<OrganisationId> readerOrganisations,
    Set<SectorId> readerSectors,
    Set<OrganisationId> writerOrganisations,
    Instant createdAt,
    Instant updatedAt) {

  public TaxiiCollection {
    readerOrganisations = Set.copyOf(readerOrganisations);
    readerSectors = Set.copyOf(readerSectors);
    writerOrganisations = Set.copyOf(writerOrganisations);
  }

  CollectionDefinition definition() {
    return new CollectionDefinition(
        title,
        description,
        alias,
        defaultTlp,
        readableByEveryone,
        readerOrganisations,
        readerSectors,
        writerOrganisations);
  }
}
