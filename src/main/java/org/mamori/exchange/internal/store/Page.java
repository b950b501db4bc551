package org.mamori.exchange.internal.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of object versions in date-added order.
 *
 * @param more more versions the reader may read follow this page
 * @param next where the next page starts; null when there is no more
 */
public record Page(List<StoredVersion> versions, boolean more, @Nullable Cursor next) {

  public Page {
    versions = List.copyOf(versions);
  }
}
