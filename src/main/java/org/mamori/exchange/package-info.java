/**
 * Exchange with the world: Mamori's items as STIX 2.1, a TAXII 2.1 server and client, MISP import
 * and export, and federation between Mamori instances, all under the same TLP decision as the rest
 * of Mamori.
 */
@NullMarked
@ApplicationModule(
    displayName = "Exchange",
    allowedDependencies = {"shared", "directory", "access", "platform", "sharing"})
package org.mamori.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
