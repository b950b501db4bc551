package org.mamori.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;

/** What other modules may ask the directory. Read-only; nothing here checks permissions. */
public interface Directory {

  Optional<OrganisationSummary> organisation(OrganisationId id);

  Optional<OrganisationSummary> organisationByCode(String code);

  Map<OrganisationId, OrganisationSummary> organisations(Collection<OrganisationId> ids);

  /**
   * Every active organisation today, by Japanese name: what every member may know of each (an
   * advisory's audience is chosen from these).
   */
  List<OrganisationSummary> activeOrganisations();

  /** Today's active operators working in the sector: their own, or one of their services'. */
  Set<OrganisationId> activeOperatorsIn(SectorId sector);

  /** Every sector, in display order. */
  List<SectorSummary> sectors();

  /** The national hub; exactly one organisation has the kind NATIONAL_HUB. */
  OrganisationSummary nationalHub();

  OrganisationRelations relationsOf(OrganisationId organisation);

  /**
   * The services an operator runs, in its own order. Private details: callers show them only to
   * those the access policy lets look after the organisation.
   */
  List<ServiceSummary> servicesOf(OrganisationId organisation);

  /** People by their ids, for showing names; unknown ids are left out. */
  Map<PersonId, PersonSummary> people(Collection<PersonId> ids);

  Optional<PersonSummary> person(PersonId id);

  /** Looks a person up by e-mail address, ignoring case. */
  Optional<PersonSummary> personByEmail(String email);

  /** The person's memberships of active organisations, in the order they joined them. */
  List<MembershipSummary> membershipsOf(PersonId person);

  /**
   * The active people of an active organisation whose roles there grant at least one of the
   * capabilities, in name order: whom to tell about something that reached the organisation. Empty
   * for an unknown or inactive organisation.
   */
  List<PersonSummary> activeMembersHolding(OrganisationId organisation, Set<Capability> anyOf);

  /** The capabilities the actor's roles grant in the organisation they act for; empty if none. */
  Set<Capability> capabilitiesOf(Actor actor);

  boolean anyoneHolds(Capability capability);
}
