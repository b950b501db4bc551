/**
 * The append-only audit trail: every change, who made it for which organisation, when, and digests
 * of before and after, chained with an HMAC whose key lives outside the database. The chain head is
 * exported regularly so a cut-off tail or a recomputed chain is detected too.
 */
@NullMarked
@ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {"shared", "platform", "access", "directory"})
package org.mamori.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
