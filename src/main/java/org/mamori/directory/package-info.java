/**
 * Who is who in critical-infrastructure protection: sectors and their history, organisations of
 * every kind, people and their memberships and roles, the sharing map (who reports to and provides
 * to whom), candidate-sector review and bulk import of operators. Depends on the shared kernel
 * only; the permission questions it needs answered are declared in {@link
 * org.mamori.directory.DirectoryPolicy} and answered by the access module.
 */
@NullMarked
@ApplicationModule(displayName = "Directory", allowedDependencies = "shared")
package org.mamori.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
