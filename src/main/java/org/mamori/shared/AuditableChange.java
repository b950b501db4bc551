package org.mamori.shared;

import org.jspecify.annotations.Nullable;

/**
 * Announced by a module, inside the transaction of a state change, so the audit trail records it in
 * that same transaction: the change and its audit entry commit or fail together.
 *
 * @param actor who made the change, acting for which organisation
 * @param action what happened, a stable dotted name such as {@code directory.organisation.renamed}
 * @param subjectType the kind of thing changed, such as {@code organisation}
 * @param subjectId the changed thing's identifier
 * @param summary a short plain-words description for people reading the trail
 * @param before the state before the change (digested, not stored), null when created
 * @param after the state after the change (digested, not stored), null when removed
 */
public record AuditableChange(
    Actor actor,
    String action,
    String subjectType,
    String subjectId,
    String summary,
    @Nullable Object before,
    @Nullable Object after) {}
