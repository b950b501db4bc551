package org.mamori.exchange.internal.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The STIX objects of every collection: one row per version, the JSON as posted plus indexed
 * columns, so queries never parse JSON.
 *
 * <p>Reading narrows in SQL to what the reader's TLP allows (a coarse filter the indexes can
 * serve), then asks the caller's exact decision of every row, and fetches on until the page is
 * full: a page holds as many versions as asked whenever that many are readable.
 *
 * <p>Adding gives each version a date added that is unique and later than every date added before
 * it in the collection, in commit order: the collection's row stays locked from the moment the
 * dates are handed out until the transaction ends, so a poller never misses a version committed
 * late.
 */
@Repository
public class StixObjects {

  private static final Logger log = LoggerFactory.getLogger(StixObjects.class);

  /** TLP:RED versions only for the people named; everything else is left to the exact decision. */
  private static final String VISIBLE =
      "(%1$s.tlp <> 'RED' or cast(:reader as uuid) = any(%1$s.named_recipients))";

  private static final String SAME_OBJECT =
      "%1$s.collection_id = o.collection_id and %1$s.object_id = o.object_id";

  private final JdbcClient jdbc;

  public StixObjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of the versions that match, in date-added order.
   *
   * @param after where the previous page ended, or null for the first page
   * @param limit the most versions the page may hold, at least 1
   * @param withJson whether the objects themselves are needed (not for manifests)
   * @param readable the exact TLP decision for the reader
   */
  @Transactional(readOnly = true)
  public Page page(
      UUID collection,
      ObjectFilter filter,
      @Nullable Cursor after,
      int limit,
      PersonId reader,
      boolean withJson,
      Predicate<StoredVersion> readable) {
    List<StoredVersion> shown = new ArrayList<>();
    Cursor position = after;
    while (true) {
      int wanted = limit + 1 - shown.size();
      List<StoredVersion> rows = query(collection, filter, position, wanted, reader, withJson);
      shown.addAll(readableOnly(rows, readable));
      if (rows.size() < wanted || shown.size() > limit) {
        break;
      }
      position = rows.get(rows.size() - 1).cursor();
    }
    boolean more = shown.size() > limit;
    List<StoredVersion> page = more ? shown.subList(0, limit) : shown;
    return new Page(page, more, more ? page.get(page.size() - 1).cursor() : null);
  }

  /** Every version that matches, in date-added order (for one object's versions: a few). */
  @Transactional(readOnly = true)
  public List<StoredVersion> all(
      UUID collection, ObjectFilter filter, PersonId reader, Predicate<StoredVersion> readable) {
    return readableOnly(query(collection, filter, null, null, reader, false), readable);
  }

  /** Removes versions by their row numbers; returns how many went. */
  @Transactional
  public int delete(UUID collection, Collection<Long> rows) {
    return jdbc.sql(
            "delete from stix_object where collection_id = :collection and id = any(cast(:rows as"
                + " bigint[]))")
        .param("collection", collection)
        .param("rows", rows.toArray(Long[]::new))
        .update();
  }

  /**
   * Hands out {@code count} consecutive dates added (a microsecond apart) for versions about to be
   * added to the collection, and locks the collection against other additions until the current
   * transaction ends. Dates handed out but not used leave gaps, which harm nobody.
   *
   * @return the first of them
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Instant reserveDatesAdded(UUID collection, int count) {
    OffsetDateTime last =
        jdbc.sql(
                """
                update taxii_collection
                   set last_date_added =
                         greatest(clock_timestamp(),
                                  coalesce(last_date_added + interval '1 microsecond', '-infinity'))
                         + (:count - 1) * interval '1 microsecond'
                 where id = :collection
                returning last_date_added
                """)
            .param("collection", collection)
            .param("count", count)
            .query(OffsetDateTime.class)
            .single();
    return last.toInstant().minus(count - 1L, ChronoUnit.MICROS);
  }

  /** A version about to be added, already checked. */
  public record NewVersion(
      String objectId,
      String objectType,
      String specVersion,
      @Nullable Instant version,
      @Nullable String versionText,
      Tlp tlp,
      OrganisationId originator,
      Set<PersonId> namedRecipients,
      boolean revoked,
      String json) {}

  /** What became of a version offered to the collection. */
  public enum Outcome {
    /** Added. */
    ADDED,
    /** The very same object was already there: nothing to do. */
    ALREADY_THERE,
    /** Another object with the same id and version is there: refused. */
    CONFLICTS
  }

  /**
   * @param version the version as stored (for an unversioned object, its date added)
   */
  public record Addition(Outcome outcome, String version) {}

  /**
   * Adds a version to the collection unless it is there already. Versions without {@code modified}
   * or {@code created} (cyber observables) take their date added as version; posting the very same
   * one again adds nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Addition add(UUID collection, NewVersion version, Instant dateAdded) {
    if (version.version() == null) {
      List<String> same =
          jdbc.sql(
                  "select version_text from stix_object where collection_id = :collection and"
                      + " object_id = :object and json = cast(:json as jsonb) limit 1")
              .param("collection", collection)
              .param("object", version.objectId())
              .param("json", version.json())
              .query(String.class)
              .list();
      if (!same.isEmpty()) {
        return new Addition(Outcome.ALREADY_THERE, same.get(0));
      }
    }
    Instant versionTime = version.version() == null ? dateAdded : version.version();
    String versionText =
        version.versionText() == null ? Timestamps.taxii(dateAdded) : version.versionText();
    int added =
        jdbc.sql(
                """
                insert into stix_object (collection_id, object_id, object_type, spec_version, version,
                                         version_text, date_added, tlp, originator, named_recipients,
                                         revoked, json)
                values (:collection, :object, :type, :spec, :version, :versionText, :dateAdded, :tlp,
                        :originator, cast(:named as uuid[]), :revoked, cast(:json as jsonb))
                on conflict (collection_id, object_id, version) do nothing
                """)
            .param("collection", collection)
            .param("object", version.objectId())
            .param("type", version.objectType())
            .param("spec", version.specVersion())
            .param("version", SqlTime.utc(versionTime))
            .param("versionText", versionText)
            .param("dateAdded", SqlTime.utc(dateAdded))
            .param("tlp", version.tlp().name())
            .param("originator", version.originator().value())
            .param(
                "named",
                version.namedRecipients().stream()
                    .map(person -> person.value().toString())
                    .toArray(String[]::new))
            .param("revoked", version.revoked())
            .param("json", version.json())
            .update();
    if (added == 1) {
      return new Addition(Outcome.ADDED, versionText);
    }
    boolean same =
        jdbc.sql(
                "select json = cast(:json as jsonb) from stix_object where collection_id ="
                    + " :collection and object_id = :object and version = :version")
            .param("collection", collection)
            .param("object", version.objectId())
            .param("version", SqlTime.utc(versionTime))
            .param("json", version.json())
            .query(Boolean.class)
            .single();
    return new Addition(same ? Outcome.ALREADY_THERE : Outcome.CONFLICTS, versionText);
  }

  private static List<StoredVersion> readableOnly(
      List<StoredVersion> rows, Predicate<StoredVersion> readable) {
    List<StoredVersion> shown = new ArrayList<>(rows.size());
    for (StoredVersion row : rows) {
      if (readable.test(row)) {
        shown.add(row);
      } else {
        log.error(
            "The STIX object query let through {} version {}, which the access policy refuses",
            row.objectId(),
            row.version());
      }
    }
    return shown;
  }

  private List<StoredVersion> query(
      UUID collection,
      ObjectFilter filter,
      @Nullable Cursor after,
      @Nullable Integer limit,
      PersonId reader,
      boolean withJson) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("collection", collection);
    parameters.put("reader", reader.value());
    conditions.add(VISIBLE.formatted("o"));
    if (after != null) {
      conditions.add("(o.date_added, o.id) > (:afterDate, :afterRow)");
      parameters.put("afterDate", SqlTime.utc(after.dateAdded()));
      parameters.put("afterRow", after.row());
    }
    if (filter.addedAfter() != null) {
      conditions.add("o.date_added > :addedAfter");
      parameters.put("addedAfter", SqlTime.utc(filter.addedAfter()));
    }
    if (filter.ids() != null) {
      conditions.add("o.object_id = any(cast(:ids as text[]))");
      parameters.put("ids", filter.ids().toArray(String[]::new));
    }
    if (filter.types() != null) {
      conditions.add("o.object_type = any(cast(:types as text[]))");
      parameters.put("types", filter.types().toArray(String[]::new));
    }
    String sameSpec;
    if (filter.specVersions() != null) {
      conditions.add("o.spec_version = any(cast(:specs as text[]))");
      parameters.put("specs", filter.specVersions().toArray(String[]::new));
      sameSpec = "n.spec_version = any(cast(:specs as text[]))";
    } else {
      // TAXII: without match[spec_version], only the latest STIX version held of each object.
      conditions.add(
          "not exists (select 1 from stix_object s where %s and s.spec_version > o.spec_version and %s)"
              .formatted(SAME_OBJECT.formatted("s"), VISIBLE.formatted("s")));
      sameSpec = "n.spec_version = o.spec_version";
    }
    versionCondition(filter.versions(), sameSpec, parameters).ifPresent(conditions::add);
    if (limit != null) {
      parameters.put("limit", limit);
    }
    String sql =
        """
        select o.id, o.object_id, o.spec_version, o.version_text, o.date_added, o.tlp,
               o.originator, o.named_recipients %s
          from stix_object o
         where o.collection_id = :collection and %s
         order by o.date_added, o.id
         %s
        """
            .formatted(
                withJson ? ", o.json::text as json" : "",
                String.join(" and ", conditions),
                limit == null ? "" : "limit :limit");
    return jdbc.sql(sql).params(parameters).query((rs, i) -> version(rs, withJson)).list();
  }

  /** The first, the last (among the versions the reader may see) and named versions. */
  private static Optional<String> versionCondition(
      ObjectFilter.VersionSelection versions, String sameSpec, Map<String, Object> parameters) {
    if (versions.all()) {
      return Optional.empty();
    }
    List<String> any = new ArrayList<>();
    String noneBeyond =
        "not exists (select 1 from stix_object n where %s and n.version %s o.version and %s and %s)";
    if (versions.first()) {
      any.add(
          noneBeyond.formatted(SAME_OBJECT.formatted("n"), "<", VISIBLE.formatted("n"), sameSpec));
    }
    if (versions.last()) {
      any.add(
          noneBeyond.formatted(SAME_OBJECT.formatted("n"), ">", VISIBLE.formatted("n"), sameSpec));
    }
    if (!versions.exact().isEmpty()) {
      any.add("o.version = any(cast(:versions as timestamptz[]))");
      parameters.put(
          "versions", versions.exact().stream().map(Instant::toString).toArray(String[]::new));
    }
    return Optional.of("(" + String.join(" or ", any) + ")");
  }

  private static StoredVersion version(ResultSet rs, boolean withJson) throws SQLException {
    return new StoredVersion(
        rs.getLong("id"),
        rs.getString("object_id"),
        rs.getString("spec_version"),
        rs.getString("version_text"),
        rs.getObject("date_added", OffsetDateTime.class).toInstant(),
        Tlp.valueOf(rs.getString("tlp")),
        new OrganisationId(rs.getObject("originator", UUID.class)),
        people(rs.getArray("named_recipients")),
        withJson ? rs.getString("json") : null);
  }

  private static Set<PersonId> people(Array array) throws SQLException {
    return Arrays.stream((UUID[]) array.getArray())
        .map(PersonId::new)
        .collect(Collectors.toUnmodifiableSet());
  }
}
