package org.mamori.directory.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/** A person who uses Mamori, with their memberships of organisations. */
class Person {

  private final @Id UUID id;
  private String email;
  private String displayName;
  private @Nullable String phone;
  private boolean active;
  private final Instant createdAt;

  @MappedCollection(idColumn = "person_id")
  private final Set<Membership> memberships;

  private @Version @Nullable Long version;

  @PersistenceCreator
  Person(
      UUID id,
      String email,
      String displayName,
      @Nullable String phone,
      boolean active,
      Instant createdAt,
      Set<Membership> memberships,
      @Nullable Long version) {
    this.id = id;
    this.email = email;
    this.displayName = displayName;
    this.phone = phone;
    this.active = active;
    this.createdAt = createdAt;
    this.memberships = new HashSet<>(memberships);
    this.version = version;
  }

  static Person register(String email, String displayName, Instant at) {
    return new Person(
        UUID.randomUUID(), normalise(email), displayName.strip(), null, true, at, Set.of(), null);
  }

  static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Grants roles in an organisation, joining it if not yet a member; a blank job title keeps the
   * current one.
   */
  void grant(OrganisationId organisation, Set<String> roles, String jobTitle, Instant at) {
    Membership current = membershipIn(organisation).orElse(null);
    if (current == null) {
      memberships.add(Membership.of(organisation.value(), jobTitle, roles, at));
      return;
    }
    memberships.remove(current);
    Membership granted = current.withRoles(union(current.roles(), roles));
    memberships.add(jobTitle.isBlank() ? granted : granted.withJobTitle(jobTitle));
  }

  /** Replaces the roles held in an organisation (the person must be a member). */
  void assignRoles(OrganisationId organisation, Set<String> roles, String jobTitle) {
    Membership current =
        membershipIn(organisation)
            .orElseThrow(() -> new IllegalArgumentException("not a member of " + organisation));
    memberships.remove(current);
    memberships.add(current.withRoles(Set.copyOf(roles)).withJobTitle(jobTitle));
  }

  void leave(OrganisationId organisation) {
    memberships.removeIf(m -> m.organisationId().equals(organisation.value()));
  }

  void update(String displayName, @Nullable String phone) {
    this.displayName = displayName.strip();
    this.phone = phone;
  }

  void deactivate() {
    this.active = false;
  }

  void reactivate() {
    this.active = true;
  }

  Optional<Membership> membershipIn(OrganisationId organisation) {
    return memberships.stream()
        .filter(m -> m.organisationId().equals(organisation.value()))
        .findFirst();
  }

  Set<Membership> memberships() {
    return Set.copyOf(memberships);
  }

  PersonId id() {
    return new PersonId(id);
  }

  String email() {
    return email;
  }

  String displayName() {
    return displayName;
  }

  @Nullable String phone() {
    return phone;
  }

  boolean active() {
    return active;
  }

  Instant createdAt() {
    return createdAt;
  }

  PersonSummary summary() {
    return new PersonSummary(id(), email, displayName, active);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
