package org.mamori.sharing;

import org.mamori.shared.Tlp;

/**
 * A report's or an advisory's marking was changed: everything derived from it (exports, feeds) must
 * follow, and who may read it has changed.
 */
public record MarkingChanged(SharedItems.ItemRef item, String reference, Tlp before, Tlp after) {}
