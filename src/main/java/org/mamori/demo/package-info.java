/**
 * Demo data for trying Mamori out: fictitious operators across the sectors and one demo person per
 * role. Loaded on first start with the embedded database (or when {@code MAMORI_DEMO=true}),
 * through the same module APIs an administrator would use.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data")
package org.mamori.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
