package org.mamori.exchange.internal.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which object versions a TAXII request asks for: the {@code added_after} and {@code match[...]}
 * parameters, already checked.
 *
 * @param addedAfter only versions added after this instant
 * @param ids only these object ids (null: any)
 * @param types only these object types (null: any)
 * @param specVersions only these STIX versions (null: the latest the collection holds of each
 *     object, as TAXII says)
 * @param versions which versions of each object
 */
public record ObjectFilter(
    @Nullable Instant addedAfter,
    @Nullable List<String> ids,
    @Nullable List<String> types,
    @Nullable List<String> specVersions,
    VersionSelection versions) {

  public ObjectFilter {
    ids = ids == null ? null : List.copyOf(ids);
    types = types == null ? null : List.copyOf(types);
    specVersions = specVersions == null ? null : List.copyOf(specVersions);
  }

  /**
   * TAXII's {@code match[version]}: any of the first, the last and named versions of each object,
   * or all of them. The default is the last.
   */
  public record VersionSelection(boolean all, boolean first, boolean last, List<Instant> exact) {

    public static final VersionSelection LAST = new VersionSelection(false, false, true, List.of());
    public static final VersionSelection ALL = new VersionSelection(true, false, false, List.of());

    public VersionSelection {
      exact = List.copyOf(exact);
      if (!all && !first && !last && exact.isEmpty()) {
        throw new IllegalArgumentException("a version selection selects something");
      }
    }
  }
}
