/** The shared kernel: identifiers and value types every module needs. No logic, no beans. */
@NullMarked
package org.mamori.shared;

import org.jspecify.annotations.NullMarked;
