package org.mamori.exchange.internal.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.Cursor;
import org.mamori.exchange.internal.store.ObjectFilter;
import org.mamori.exchange.internal.store.ObjectFilter.VersionSelection;
import org.mamori.exchange.internal.store.Timestamps;

/**
 * A TAXII request's filters (TAXII 3.4): {@code added_after}, {@code limit}, {@code next} and
 * {@code match[id|type|version|spec_version]}, as far as the endpoint supports them. Malformed or
 * repeated parameters are refused (400); match fields the endpoint does not know are ignored, as
 * TAXII allows.
 *
 * @param limit how many objects the response may hold at most (the server's page size when the
 *     client names none, or a larger one)
 * @param after where the previous page ended, from {@code next}
 */
record TaxiiQuery(ObjectFilter filter, int limit, @Nullable Cursor after) {

  /** What each endpoint filters on. */
  enum Endpoint {
    OBJECTS(true, true, true, true),
    MANIFEST(true, true, true, true),
    OBJECT(true, false, true, true),
    VERSIONS(true, false, false, true),
    DELETE(false, false, true, true);

    private final boolean paged;
    private final boolean idsAndTypes;
    private final boolean versions;
    private final boolean specVersions;

    Endpoint(boolean paged, boolean idsAndTypes, boolean versions, boolean specVersions) {
      this.paged = paged;
      this.idsAndTypes = idsAndTypes;
      this.versions = versions;
      this.specVersions = specVersions;
    }
  }

  private static final Pattern SPEC_VERSION = Pattern.compile("\\d+\\.\\d+");
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,9}");

  /**
   * @param parameters the request's query parameters
   * @param objectId the object named in the path, for the endpoints of one object
   * @param maxPageSize the server's page size
   * @throws TaxiiException (400) for a malformed or repeated parameter
   */
  static TaxiiQuery of(
      Map<String, String[]> parameters,
      Endpoint endpoint,
      @Nullable String objectId,
      int maxPageSize) {
    Instant addedAfter = null;
    int limit = maxPageSize;
    Cursor after = null;
    if (endpoint.paged) {
      String text = single(parameters, "added_after");
      if (text != null) {
        addedAfter =
            Timestamps.parse(text)
                .orElseThrow(() -> TaxiiException.badRequest("taxii.error.addedAfter", text));
      }
      String limitText = single(parameters, "limit");
      if (limitText != null) {
        if (!LIMIT.matcher(limitText).matches() || Integer.parseInt(limitText) == 0) {
          throw TaxiiException.badRequest("taxii.error.limit", limitText);
        }
        limit = Math.min(Integer.parseInt(limitText), maxPageSize);
      }
      String next = single(parameters, "next");
      if (next != null) {
        after = Cursor.of(next).orElseThrow(() -> TaxiiException.badRequest("taxii.error.next"));
      }
    }
    List<String> ids = objectId == null ? null : List.of(objectId);
    List<String> types = null;
    if (endpoint.idsAndTypes) {
      ids = values(parameters, "match[id]");
      types = values(parameters, "match[type]");
    }
    VersionSelection versions =
        switch (endpoint) {
          case VERSIONS -> VersionSelection.ALL;
          case DELETE -> versions(parameters, VersionSelection.ALL);
          default -> versions(parameters, VersionSelection.LAST);
        };
    List<String> specVersions = endpoint.specVersions ? specVersions(parameters) : null;
    return new TaxiiQuery(
        new ObjectFilter(addedAfter, ids, types, specVersions, versions), limit, after);
  }

  /** The one value of a parameter given at most once; null when absent. */
  private static @Nullable String single(Map<String, String[]> parameters, String name) {
    String[] given = parameters.get(name);
    if (given == null) {
      return null;
    }
    if (given.length > 1) {
      throw TaxiiException.badRequest("taxii.error.repeated", name);
    }
    return given[0];
  }

  /** A comma-separated list (any of its values matches); null when the parameter is absent. */
  private static @Nullable List<String> values(Map<String, String[]> parameters, String name) {
    String text = single(parameters, name);
    if (text == null) {
      return null;
    }
    List<String> values = Arrays.asList(text.split(",", -1));
    if (values.stream().anyMatch(String::isEmpty)) {
      throw TaxiiException.badRequest("taxii.error.emptyValue", name);
    }
    return values;
  }

  private static @Nullable List<String> specVersions(Map<String, String[]> parameters) {
    List<String> values = values(parameters, "match[spec_version]");
    if (values != null) {
      for (String value : values) {
        if (!SPEC_VERSION.matcher(value).matches()) {
          throw TaxiiException.badRequest("taxii.error.specVersion", value);
        }
      }
    }
    return values;
  }

  /** TAXII 3.4.1: all, first, last and exact versions; all alone, none twice. */
  private static VersionSelection versions(
      Map<String, String[]> parameters, VersionSelection otherwise) {
    List<String> values = values(parameters, "match[version]");
    if (values == null) {
      return otherwise;
    }
    Set<String> seen = new HashSet<>();
    boolean first = false;
    boolean last = false;
    List<Instant> exact = new ArrayList<>();
    for (String value : values) {
      if (!seen.add(value)) {
        throw TaxiiException.badRequest("taxii.error.versionRepeated", value);
      }
      switch (value) {
        case "all" -> {
          if (values.size() > 1) {
            throw TaxiiException.badRequest("taxii.error.versionAll");
          }
          return VersionSelection.ALL;
        }
        case "first" -> first = true;
        case "last" -> last = true;
        default ->
            exact.add(
                Timestamps.parse(value)
                    .orElseThrow(() -> TaxiiException.badRequest("taxii.error.version", value)));
      }
    }
    return new VersionSelection(false, first, last, exact);
  }
}
