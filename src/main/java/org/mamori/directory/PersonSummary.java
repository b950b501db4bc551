package org.mamori.directory;

import org.mamori.shared.PersonId;

/** A person as other modules see them. */
public record PersonSummary(PersonId id, String email, String displayName, boolean active) {}
