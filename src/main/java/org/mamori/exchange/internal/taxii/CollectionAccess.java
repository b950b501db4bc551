package org.mamori.exchange.internal.taxii;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.exchange.internal.store.StoredVersion;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.stereotype.Component;

/**
 * Who may read and add to a collection, and the one TLP decision for each object in it: an object
 * comes from the organisation whose token added it, has reached the organisations that may read the
 * collection, and, at TLP:RED, is for the person who added it only.
 */
@Component
public class CollectionAccess {

  /** Those who may add to their organisation's collections (platform administrators tidy them). */
  private static final Set<Capability> SHARING =
      EnumSet.of(
          Capability.REPORT, Capability.RELAY, Capability.ANALYSE, Capability.ADMINISTER_PLATFORM);

  private final Directory directory;
  private final AccessPolicy access;

  CollectionAccess(Directory directory, AccessPolicy access) {
    this.directory = directory;
    this.access = access;
  }

  /**
   * What one actor may do with one collection.
   *
   * @param readers the organisations that may read the collection: its objects' recipients
   */
  public record Rights(
      Actor actor, boolean canRead, boolean canWrite, Set<OrganisationId> readers) {

    /** Neither reading nor writing: the collection is not shown to the actor at all. */
    public boolean none() {
      return !canRead && !canWrite;
    }
  }

  public Rights of(Actor actor, TaxiiCollection collection) {
    // Immutable once, so each object's disclosure shares it rather than copying it.
    Set<OrganisationId> readers = Set.copyOf(readers(collection));
    return new Rights(
        actor,
        readers.contains(actor.organisation()),
        collection.writerOrganisations().contains(actor.organisation()) && sharesFor(actor),
        readers);
  }

  /**
   * Adding to a collection shares information for the organisation: its auditors and its
   * administrators of people only look, so their tokens write nothing into it.
   */
  private boolean sharesFor(Actor actor) {
    return SHARING.stream().anyMatch(capability -> access.can(actor, capability));
  }

  /**
   * The exact TLP decision for the actor's reading of the collection's objects: a version published
   * from a Mamori item has reached that item's recipients, any other the collection's readers.
   */
  public Predicate<StoredVersion> readable(Rights rights) {
    AccessPolicy.Reader reader = access.readerFor(rights.actor());
    return version ->
        rights.canRead()
            && reader.mayRead(
                new Disclosure(
                    version.originator(),
                    version.tlp(),
                    version.recipients() == null ? rights.readers() : version.recipients(),
                    version.namedRecipients()));
  }

  /** Everyone in Mamori, or the named organisations and the sectors' operators and CEPTOARs. */
  private Set<OrganisationId> readers(TaxiiCollection collection) {
    Set<OrganisationId> readers = new HashSet<>();
    if (collection.readableByEveryone()) {
      directory.activeOrganisations().forEach(o -> readers.add(o.id()));
      return readers;
    }
    readers.addAll(collection.readerOrganisations());
    if (!collection.readerSectors().isEmpty()) {
      for (SectorId sector : collection.readerSectors()) {
        readers.addAll(directory.activeOperatorsIn(sector));
      }
      for (OrganisationSummary organisation : directory.activeOrganisations()) {
        if (organisation.sector() != null
            && collection.readerSectors().contains(organisation.sector())) {
          readers.add(organisation.id());
        }
      }
    }
    return readers;
  }
}
