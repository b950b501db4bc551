package org.mamori.directory.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person's place in one organisation: a job title and the roles held there. */
record Membership(
    UUID id, UUID organisationId, String jobTitle, Set<String> roles, Instant joinedAt) {

  static Membership of(UUID organisation, String jobTitle, Set<String> roles, Instant at) {
    return new Membership(UUID.randomUUID(), organisation, jobTitle, Set.copyOf(roles), at);
  }

  Membership withRoles(Set<String> newRoles) {
    return new Membership(id, organisationId, jobTitle, Set.copyOf(newRoles), joinedAt);
  }

  Membership withJobTitle(String newTitle) {
    return new Membership(id, organisationId, newTitle, roles, joinedAt);
  }
}
