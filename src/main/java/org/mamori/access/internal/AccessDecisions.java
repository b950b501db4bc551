package org.mamori.access.internal;

import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationRelations;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.springframework.stereotype.Service;

/** The one decision function for organisation scope. */
@Service
class AccessDecisions implements AccessPolicy, DirectoryPolicy {

  private final Directory directory;

  AccessDecisions(Directory directory) {
    this.directory = directory;
  }

  @Override
  public boolean can(Actor actor, Capability capability) {
    return directory.capabilitiesOf(actor).contains(capability);
  }

  @Override
  public boolean looksAfter(Actor actor, OrganisationId organisation) {
    if (actor.isSystem()) {
      return true;
    }
    if (!isMember(actor)) {
      return false;
    }
    if (actor.organisation().equals(organisation) || actsForHub(actor)) {
      return true;
    }
    OrganisationRelations relations = directory.relationsOf(organisation);
    return relations.responsibleMinistries().contains(actor.organisation())
        || relations.ceptoars().contains(actor.organisation());
  }

  @Override
  public boolean mayRead(Actor actor, Disclosure item) {
    return readerFor(actor).mayRead(item);
  }

  @Override
  public boolean organisationMayRead(OrganisationId organisation, Disclosure item) {
    return TlpReader.readableFor(organisation, item);
  }

  @Override
  public Reader readerFor(Actor actor) {
    return new TlpReader(actor, actor.isSystem() || isMember(actor));
  }

  @Override
  public boolean mayLoosen(Actor actor, Disclosure item) {
    return !actor.isSystem()
        && isMember(actor)
        && actor.organisation().equals(item.originator())
        && readerFor(actor).mayRead(item);
  }

  @Override
  public boolean maySeePrivateDetails(Actor actor, OrganisationId organisation) {
    return looksAfter(actor, organisation);
  }

  @Override
  public boolean mayManage(Actor actor, OrganisationId organisation) {
    if (mayAdministerPlatform(actor)) {
      return true;
    }
    return actor.organisation().equals(organisation)
        && can(actor, Capability.ADMINISTER_ORGANISATION);
  }

  @Override
  public boolean mayAdministerPlatform(Actor actor) {
    return actor.isSystem() || can(actor, Capability.ADMINISTER_PLATFORM);
  }

  private boolean isMember(Actor actor) {
    return directory.membershipsOf(actor.person()).stream()
        .anyMatch(m -> m.organisation().equals(actor.organisation()));
  }

  private boolean actsForHub(Actor actor) {
    return directory
        .organisation(actor.organisation())
        .map((OrganisationSummary o) -> o.is(OrganisationKind.NATIONAL_HUB))
        .orElse(false);
  }
}
