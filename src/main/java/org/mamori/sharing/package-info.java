/**
 * Information sharing (情報共有): reports of failures and attacks travelling up the sharing map (情報連絡),
 * advisories travelling down and across (情報提供), under TLP 2.0 markings that the access module
 * enforces on every read path.
 */
@NullMarked
@ApplicationModule(
    displayName = "Information sharing",
    allowedDependencies = {"shared", "directory", "access", "platform"})
package org.mamori.sharing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
