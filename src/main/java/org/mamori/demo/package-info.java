/**
 * Demo data for trying Mamori out: fictitious operators across the sectors, one demo person per
 * role, and five fiscal years of past reports shaped like the published national statistics. Loaded
 * on first start with the embedded database (or when {@code MAMORI_DEMO=true}), through the same
 * module APIs an administrator would use.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data")
package org.mamori.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
