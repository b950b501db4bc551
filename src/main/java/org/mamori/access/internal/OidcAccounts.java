package org.mamori.access.internal;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which Mamori person an OpenID Connect account is, linking the two on first sight. */
@Service
@Transactional
class OidcAccounts {

  private final Credentials credentials;
  private final Directory directory;
  private final ApplicationEventPublisher events;

  OidcAccounts(Credentials credentials, Directory directory, ApplicationEventPublisher events) {
    this.credentials = credentials;
    this.directory = directory;
    this.events = events;
  }

  /**
   * The person linked to the subject, or else the person with the verified e-mail address, who is
   * then linked to the subject. A person already linked to another subject is not matched by
   * e-mail: a second account at the provider does not take theirs over.
   */
  Optional<PersonSummary> match(String subjectKey, @Nullable String email, boolean emailVerified) {
    Optional<UUID> linked = credentials.personByOidcSubject(subjectKey);
    if (linked.isPresent()) {
      return directory.person(new PersonId(linked.get()));
    }
    if (email == null || !emailVerified) {
      return Optional.empty();
    }
    Optional<PersonSummary> byEmail = directory.personByEmail(email);
    if (byEmail.isEmpty() || credentials.oidcSubjectOf(byEmail.get().id().value()).isPresent()) {
      return Optional.empty();
    }
    PersonSummary person = byEmail.get();
    credentials.linkOidcSubject(person.id().value(), subjectKey);
    events.publishEvent(
        new AuditableChange(
            new Actor(person.id(), firstOrganisation(person.id())),
            "access.oidc.linked",
            "person",
            person.id().toString(),
            "Linked to an OpenID Connect account by verified e-mail address",
            new OidcLink(false),
            new OidcLink(true)));
    return byEmail;
  }

  private OrganisationId firstOrganisation(PersonId person) {
    return directory.membershipsOf(person).stream()
        .map(MembershipSummary::organisation)
        .findFirst()
        .orElse(Actor.SYSTEM.organisation());
  }

  /** What the audit digest covers: whether a provider account is linked, not which. */
  record OidcLink(boolean linked) {}
}
