/**
 * Sign-in, API tokens, two-step sign-in, OpenID Connect, and the one decision function for
 * organisation scope (and TLP): every read path of every module asks {@link
 * org.mamori.access.AccessPolicy}.
 */
@NullMarked
@ApplicationModule(
    displayName = "Access",
    allowedDependencies = {"shared", "directory", "platform"})
package org.mamori.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
