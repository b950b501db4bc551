package org.mamori.audit;

/**
 * Something wrong found in the audit chain.
 *
 * @param position the entry's position (1 is the first entry)
 * @param kind what is wrong
 */
public record ChainFinding(long position, Kind kind) {

  public enum Kind {
    /** The entry's content no longer matches its MAC: it was changed. */
    MODIFIED,
    /** Positions are missing before this one: entries were deleted. */
    MISSING,
    /** The entry does not follow from the one before it: inserted or reordered. */
    BROKEN_LINK,
    /** An exported chain head is gone: the tail was cut off. */
    TRUNCATED,
    /** An exported chain head no longer matches: the chain was recomputed. */
    HEAD_MISMATCH
  }
}
