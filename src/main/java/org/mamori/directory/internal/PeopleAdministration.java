package org.mamori.directory.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.Enrolment;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds people to organisations and changes what they may do there. */
@Service
@Transactional
class PeopleAdministration implements Enrolment {

  private final People people;
  private final Organisations organisations;
  private final Roles roles;
  private final DirectoryPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PeopleAdministration(
      People people,
      Organisations organisations,
      Roles roles,
      DirectoryPolicy policy,
      ApplicationEventPublisher events,
      Clock clock) {
    this.people = people;
    this.organisations = organisations;
    this.roles = roles;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public PersonId enrol(
      Actor by, String email, String displayName, OrganisationId organisation, Set<String> roles) {
    return enrol(by, email, displayName, organisation, roles, "");
  }

  PersonId enrol(
      Actor by,
      String email,
      String displayName,
      OrganisationId organisation,
      Set<String> roles,
      String jobTitle) {
    requireManager(by, organisation);
    Organisation org = organisation(organisation);
    checkRoles(roles, org);
    String normalised = Person.normalise(email);
    if (!normalised.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw new DirectoryRuleViolation("person.email.invalid");
    }
    if (displayName.isBlank()) {
      throw new DirectoryRuleViolation("person.name.required");
    }
    Person person =
        people
            .findByEmail(normalised)
            .orElseGet(() -> Person.register(normalised, displayName, clock.instant()));
    PersonView before = person.membershipIn(organisation).isPresent() ? view(person) : null;
    person.grant(organisation, roles, jobTitle.strip(), clock.instant());
    Person saved = people.save(person);
    audit(by, "directory.person.enrolled", saved, before, "Enrolled in " + org.code());
    return saved.id();
  }

  void changeRoles(
      Actor by, PersonId personId, OrganisationId organisation, Set<String> roles, String title) {
    requireManager(by, organisation);
    Organisation org = organisation(organisation);
    checkRoles(roles, org);
    Person person = person(personId);
    PersonView before = view(person);
    person.assignRoles(organisation, roles, title.strip());
    audit(by, "directory.person.roles-changed", people.save(person), before, "Roles changed");
  }

  void removeMembership(Actor by, PersonId personId, OrganisationId organisation) {
    requireManager(by, organisation);
    Person person = person(personId);
    if (by.person().equals(personId) && by.organisation().equals(organisation)) {
      throw new DirectoryRuleViolation("person.cannotRemoveSelf");
    }
    PersonView before = view(person);
    person.leave(organisation);
    audit(
        by,
        "directory.person.left",
        people.save(person),
        before,
        "Left " + organisation(organisation).code());
  }

  private void checkRoles(Set<String> requested, Organisation org) {
    Map<String, Role> known =
        roles.findAllInOrder().stream().collect(Collectors.toMap(Role::code, Function.identity()));
    for (String code : requested) {
      Role role = known.get(code);
      if (role == null) {
        throw new DirectoryRuleViolation("person.role.unknown", code);
      }
      if (!role.allowedIn(org.kinds())) {
        throw new DirectoryRuleViolation("person.role.notAllowed", code);
      }
    }
  }

  private void requireManager(Actor by, OrganisationId organisation) {
    if (!policy.mayManage(by, organisation)) {
      throw new AccessDeniedException("may not manage the people of " + organisation);
    }
  }

  private Organisation organisation(OrganisationId id) {
    return organisations
        .findById(id.value())
        .orElseThrow(() -> new DirectoryRuleViolation("organisation.unknown"));
  }

  private Person person(PersonId id) {
    return people
        .findById(id.value())
        .orElseThrow(() -> new DirectoryRuleViolation("person.unknown"));
  }

  private void audit(
      Actor by, String action, Person after, @Nullable PersonView before, String summary) {
    events.publishEvent(
        new AuditableChange(
            by, action, "person", after.id().toString(), summary, before, view(after)));
  }

  /** What the audit digest covers. */
  record PersonView(
      String email, String displayName, boolean active, Map<String, Set<String>> rolesByOrg) {}

  static PersonView view(Person person) {
    return new PersonView(
        person.email(),
        person.displayName(),
        person.active(),
        person.memberships().stream()
            .collect(
                Collectors.toMap(m -> m.organisationId().toString(), m -> Set.copyOf(m.roles()))));
  }
}
