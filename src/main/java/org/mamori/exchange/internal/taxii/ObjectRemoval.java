package org.mamori.exchange.internal.taxii;

import java.util.List;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.exchange.internal.store.ObjectFilter;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.exchange.internal.store.StoredVersion;
import org.mamori.exchange.internal.taxii.CollectionAccess.Rights;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes an object's versions from a collection (TAXII 5.7): those the filter matches, all of them
 * by default. Only the organisation that added them, or a platform administrator, may; either every
 * matched version goes or none. Audited.
 */
@Service
class ObjectRemoval {

  private final StixObjects objects;
  private final CollectionAccess access;
  private final AccessPolicy policy;
  private final ApplicationEventPublisher events;

  ObjectRemoval(
      StixObjects objects,
      CollectionAccess access,
      AccessPolicy policy,
      ApplicationEventPublisher events) {
    this.objects = objects;
    this.access = access;
    this.policy = policy;
    this.events = events;
  }

  /** What the audit digest covers: the versions removed. */
  record Removed(String collection, String object, List<String> versions) {}

  @Transactional
  void remove(TaxiiCollection collection, String objectId, ObjectFilter filter, Rights rights) {
    Actor actor = rights.actor();
    List<StoredVersion> matched =
        objects.all(collection.id(), filter, actor, access.readable(rights));
    if (matched.isEmpty()) {
      throw TaxiiException.notFound("taxii.error.object", objectId);
    }
    boolean administrator = policy.can(actor, Capability.ADMINISTER_PLATFORM);
    if (!administrator
        && matched.stream().anyMatch(v -> !v.originator().equals(actor.organisation()))) {
      throw TaxiiException.forbidden("taxii.error.notYours");
    }
    objects.delete(collection.id(), matched.stream().map(StoredVersion::row).toList());
    events.publishEvent(
        new AuditableChange(
            actor,
            "exchange.object.deleted",
            "stix-object",
            objectId,
            matched.size() + " versions of " + objectId + " deleted from " + collection.title(),
            new Removed(
                collection.id().toString(),
                objectId,
                matched.stream().map(StoredVersion::version).toList()),
            null));
  }
}
