/**
 * The runtime every module stands on: the database (embedded PostgreSQL by default), the web shell
 * (layout, language, time zone, error pages) and the deployment mode.
 */
@NullMarked
@ApplicationModule(displayName = "Platform")
package org.mamori.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
