package org.mamori.directory.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationRelations;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.directory.ServiceSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DirectoryReader implements Directory {

  private final Organisations organisations;
  private final Sectors sectors;
  private final People people;
  private final OrganisationGraph graph;
  private final Clock clock;

  DirectoryReader(
      Organisations organisations,
      Sectors sectors,
      People people,
      OrganisationGraph graph,
      Clock clock) {
    this.organisations = organisations;
    this.sectors = sectors;
    this.people = people;
    this.graph = graph;
    this.clock = clock;
  }

  @Override
  public Optional<OrganisationSummary> organisation(OrganisationId id) {
    return organisations.findById(id.value()).map(Organisation::summary);
  }

  @Override
  public Optional<OrganisationSummary> organisationByCode(String code) {
    return organisations.findByCode(code).map(Organisation::summary);
  }

  @Override
  public Map<OrganisationId, OrganisationSummary> organisations(Collection<OrganisationId> ids) {
    List<UUID> keys = ids.stream().map(OrganisationId::value).distinct().toList();
    Map<OrganisationId, OrganisationSummary> found = new LinkedHashMap<>();
    organisations.findAllById(keys).forEach(o -> found.put(o.id(), o.summary()));
    return found;
  }

  @Override
  public List<OrganisationSummary> activeOrganisations() {
    return graph.activeOrganisations();
  }

  @Override
  public Set<OrganisationId> activeOperatorsIn(SectorId sector) {
    return graph.activeOperatorsInSector(sector.value()).stream()
        .map(OrganisationId::new)
        .collect(Collectors.toSet());
  }

  @Override
  public List<SectorSummary> sectors() {
    return sectors.findAllInOrder().stream()
        .map(s -> new SectorSummary(s.id(), s.code(), s.name(), s.displayOrder()))
        .toList();
  }

  @Override
  public OrganisationSummary nationalHub() {
    return organisations.findByKind(OrganisationKind.NATIONAL_HUB.name()).stream()
        .findFirst()
        .map(Organisation::summary)
        .orElseThrow(() -> new IllegalStateException("the directory has no national hub"));
  }

  @Override
  public OrganisationRelations relationsOf(OrganisationId organisation) {
    UUID id = organisation.value();
    Set<UUID> sectors = graph.sectorsOf(id);
    return new OrganisationRelations(
        organisation,
        kinds(graph.kindsOf(id)),
        sectors.stream().map(SectorId::new).collect(Collectors.toSet()),
        graph.ministriesOf(sectors, JapanDate.today(clock)).stream()
            .map(OrganisationId::new)
            .collect(Collectors.toSet()),
        graph.ceptoarsOf(id).stream().map(OrganisationId::new).collect(Collectors.toSet()));
  }

  @Override
  public List<ServiceSummary> servicesOf(OrganisationId organisation) {
    return organisations
        .findById(organisation.value())
        .map(
            o ->
                o.servicesInOrder().stream()
                    .map(
                        s ->
                            new ServiceSummary(
                                new LocalizedText(s.nameJa(), s.nameEn()),
                                new SectorId(s.sectorId())))
                    .toList())
        .orElse(List.of());
  }

  @Override
  public Map<PersonId, PersonSummary> people(Collection<PersonId> ids) {
    Map<PersonId, PersonSummary> found = new LinkedHashMap<>();
    people
        .findAllById(ids.stream().map(PersonId::value).distinct().toList())
        .forEach(p -> found.put(p.id(), p.summary()));
    return found;
  }

  @Override
  public Optional<PersonSummary> person(PersonId id) {
    return graph.people(List.of(id.value())).stream().findFirst();
  }

  @Override
  public Optional<PersonSummary> personByEmail(String email) {
    return people.findByEmail(Person.normalise(email)).map(Person::summary);
  }

  @Override
  public List<MembershipSummary> membershipsOf(PersonId person) {
    return graph.membershipsOf(person.value());
  }

  @Override
  public List<PersonSummary> activeMembersHolding(
      OrganisationId organisation, Set<Capability> anyOf) {
    if (anyOf.isEmpty()) {
      return List.of();
    }
    List<UUID> ids =
        graph.activeMembersHolding(
            organisation.value(), anyOf.stream().map(Enum::name).collect(Collectors.toSet()));
    return graph.people(ids).stream()
        .sorted(Comparator.comparing(PersonSummary::displayName).thenComparing(p -> p.id().value()))
        .toList();
  }

  @Override
  public Set<Capability> capabilitiesOf(Actor actor) {
    if (actor.isSystem()) {
      return EnumSet.noneOf(Capability.class);
    }
    return membershipsOf(actor.person()).stream()
        .filter(m -> m.organisation().equals(actor.organisation()))
        .findFirst()
        .map(MembershipSummary::capabilities)
        .orElse(Set.of());
  }

  @Override
  public boolean anyoneHolds(Capability capability) {
    return graph.anyActivePersonHolds(capability.name());
  }

  private static Set<OrganisationKind> kinds(Set<String> names) {
    Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
    names.forEach(n -> kinds.add(OrganisationKind.valueOf(n)));
    return kinds;
  }
}
