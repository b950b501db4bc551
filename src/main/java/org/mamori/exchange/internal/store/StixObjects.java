package org.mamori.exchange.internal.store;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlArrays;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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

  /**
   * TLP:RED versions only for the people named; AMBER ones with recipients of their own only for
   * the originator and those recipients; everything else is left to the exact decision.
   */
  private static final String VISIBLE =
      """
      (%1$s.tlp in ('CLEAR', 'GREEN')
       or (%1$s.tlp in ('AMBER', 'AMBER_STRICT')
           and (%1$s.recipients is null or %1$s.originator = cast(:readerOrganisation as uuid)
                or cast(:readerOrganisation as uuid) = any(%1$s.recipients)))
       or cast(:reader as uuid) = any(%1$s.named_recipients))""";

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
      Actor reader,
      boolean withJson,
      Predicate<StoredVersion> readable) {
    // A page is a short index-ordered read: PostgreSQL would otherwise start two parallel workers
    // for it (new processes, every page) and pass the rows through them, which costs more than the
    // scan they share.
    jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
    List<StoredVersion> shown = new ArrayList<>();
    Cursor position = after;
    boolean severalSpecVersions = severalSpecVersions(collection);
    while (true) {
      int wanted = limit + 1 - shown.size();
      List<StoredVersion> rows =
          query(collection, filter, position, wanted, reader, withJson, severalSpecVersions);
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
      UUID collection, ObjectFilter filter, Actor reader, Predicate<StoredVersion> readable) {
    return readableOnly(
        query(collection, filter, null, null, reader, false, severalSpecVersions(collection)),
        readable);
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

  /**
   * A version about to be added, already checked.
   *
   * @param sourceItem the Mamori item it was published from; null for objects from elsewhere and
   *     for objects many items share
   * @param recipients the organisations it has reached; null for whoever may read the collection
   */
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
      byte[] json,
      @Nullable String sourceItem,
      @Nullable Set<OrganisationId> recipients) {

    /** The same version, published from a Mamori item that has reached the recipients. */
    public NewVersion publishedFrom(String item, Set<OrganisationId> itemRecipients) {
      return new NewVersion(
          objectId,
          objectType,
          specVersion,
          version,
          versionText,
          tlp,
          originator,
          namedRecipients,
          revoked,
          json,
          item,
          itemRecipients);
    }
  }

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
                      + " object_id = :object and cast(json as jsonb) = cast(:json as jsonb) and"
                      + " source_item is not distinct from cast(:source as text) limit 1")
              .param("collection", collection)
              .param("object", version.objectId())
              .param("json", new String(version.json(), StandardCharsets.UTF_8))
              .param("source", version.sourceItem())
              .query(String.class)
              .list();
      if (!same.isEmpty()) {
        return new Addition(Outcome.ALREADY_THERE, same.get(0));
      }
    }
    return store(collection, List.of(new Row(version, dateAdded))).get(0);
  }

  /**
   * Adds versions as {@link #add} would, one after the other, the i-th with the date added {@code
   * firstDateAdded} plus i microseconds; versions with a version of their own go in one statement.
   *
   * @return what became of each version, in the same order
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Addition> addAll(UUID collection, List<NewVersion> versions, Instant firstDateAdded) {
    Addition[] additions = new Addition[versions.size()];
    List<Integer> positions = new ArrayList<>(versions.size());
    List<Row> rows = new ArrayList<>(versions.size());
    for (int i = 0; i < versions.size(); i++) {
      NewVersion version = versions.get(i);
      Instant dateAdded = firstDateAdded.plus(i, ChronoUnit.MICROS);
      if (version.version() == null) {
        // Matched by content, not by version: one at a time, each seeing those before it.
        additions[i] = add(collection, version, dateAdded);
      } else {
        positions.add(i);
        rows.add(new Row(version, dateAdded));
      }
    }
    List<Addition> stored = store(collection, rows);
    for (int i = 0; i < stored.size(); i++) {
      additions[positions.get(i)] = stored.get(i);
    }
    return Arrays.asList(additions);
  }

  /** A version to store, its date added, and the version it is stored as. */
  private record Row(NewVersion version, Instant dateAdded) {

    Instant versionTime() {
      return version.version() == null ? dateAdded : version.version();
    }

    String versionText() {
      return version.versionText() == null ? Timestamps.taxii(dateAdded) : version.versionText();
    }

    Key key() {
      return new Key(version.objectId(), versionTime());
    }
  }

  /** What the collection holds at most one of. */
  private record Key(String objectId, Instant version) {}

  /**
   * Inserts the rows in one statement; a row whose object and version are already there (or earlier
   * among the rows) is compared with the stored one instead.
   */
  private List<Addition> store(UUID collection, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<Key> offered = new HashSet<>();
    List<Row> inserting = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (offered.add(row.key())) {
        inserting.add(row);
      }
    }
    Set<Key> inserted = new HashSet<>();
    jdbc.sql(
            """
            insert into stix_object (collection_id, object_id, object_type, spec_version, version,
                                     version_text, date_added, tlp, originator, named_recipients,
                                     revoked, json, source_item, recipients)
            select :collection, u.object_id, u.object_type, u.spec_version, u.version,
                   u.version_text, u.date_added, u.tlp, u.originator, cast(u.named as uuid[]),
                   u.revoked,
                   convert_from(substring(cast(:json as bytea) from u.json_from for u.json_length),
                                'UTF8'),
                   u.source, cast(u.recipients as uuid[])
              from unnest(cast(:objects as text[]), cast(:types as text[]), cast(:specs as text[]),
                          cast(:versions as timestamptz[]), cast(:versionTexts as text[]),
                          cast(:datesAdded as timestamptz[]), cast(:tlps as text[]),
                          cast(:originators as uuid[]), cast(:named as text[]),
                          cast(:revoked as boolean[]), cast(:jsonFrom as int[]),
                          cast(:jsonLength as int[]), cast(:sources as text[]),
                          cast(:recipients as text[]))
                   as u(object_id, object_type, spec_version, version, version_text, date_added,
                        tlp, originator, named, revoked, json_from, json_length, source,
                        recipients)
            on conflict (collection_id, object_id, version) do nothing
            returning object_id, version
            """)
        .param("collection", collection)
        .param("objects", column(inserting, row -> row.version().objectId()))
        .param("types", column(inserting, row -> row.version().objectType()))
        .param("specs", column(inserting, row -> row.version().specVersion()))
        .param("versions", column(inserting, row -> Timestamps.taxii(row.versionTime())))
        .param("versionTexts", column(inserting, Row::versionText))
        .param("datesAdded", column(inserting, row -> Timestamps.taxii(row.dateAdded())))
        .param("tlps", column(inserting, row -> row.version().tlp().name()))
        .param(
            "originators", column(inserting, row -> row.version().originator().value().toString()))
        .param(
            "named",
            column(
                inserting, row -> arrayLiteral(row.version().namedRecipients(), PersonId::value)))
        .param("revoked", column(inserting, row -> Boolean.toString(row.version().revoked())))
        .params(JsonTexts.of(inserting).parameters())
        .param("sources", column(inserting, row -> row.version().sourceItem()))
        .param(
            "recipients",
            column(
                inserting, row -> arrayLiteral(row.version().recipients(), OrganisationId::value)))
        .query(
            rs -> {
              inserted.add(
                  new Key(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
            });
    noteSpecVersions(collection, inserting);
    boolean[] added = new boolean[rows.size()];
    List<Row> notInserted = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      added[i] = inserted.remove(rows.get(i).key());
      if (!added[i]) {
        notInserted.add(rows.get(i));
      }
    }
    Iterator<Boolean> sameAsStored = sameAsStored(collection, notInserted).iterator();
    List<Addition> additions = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Outcome outcome =
          added[i]
              ? Outcome.ADDED
              : sameAsStored.next() ? Outcome.ALREADY_THERE : Outcome.CONFLICTS;
      additions.add(new Addition(outcome, rows.get(i).versionText()));
    }
    return additions;
  }

  /**
   * Adds the rows' STIX versions to those the collection has held (rows offered but refused may add
   * one too: a list longer than needed only makes paging look for later STIX versions).
   */
  private void noteSpecVersions(UUID collection, List<Row> rows) {
    String[] specs =
        rows.stream().map(row -> row.version().specVersion()).distinct().toArray(String[]::new);
    jdbc.sql(
            """
            update taxii_collection
               set spec_versions = array(select distinct v
                                           from unnest(spec_versions || cast(:specs as text[])) v
                                          order by 1)
             where id = :collection and not spec_versions @> cast(:specs as text[])
            """)
        .param("collection", collection)
        .param("specs", specs)
        .update();
  }

  /** Whether each row is the very object stored under its id and version, in the rows' order. */
  private List<Boolean> sameAsStored(UUID collection, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Boolean> same =
        jdbc.sql(
                """
                select cast(s.json as jsonb)
                       = cast(convert_from(substring(cast(:json as bytea) from u.json_from
                                                     for u.json_length), 'UTF8') as jsonb)
                  from unnest(cast(:objects as text[]), cast(:versions as timestamptz[]),
                              cast(:jsonFrom as int[]), cast(:jsonLength as int[]))
                       with ordinality as u(object_id, version, json_from, json_length, place)
                  join stix_object s
                    on s.collection_id = :collection and s.object_id = u.object_id
                   and s.version = u.version
                 order by u.place
                """)
            .param("collection", collection)
            .param("objects", column(rows, row -> row.version().objectId()))
            .param("versions", column(rows, row -> Timestamps.taxii(row.versionTime())))
            .params(JsonTexts.of(rows).parameters())
            .query(Boolean.class)
            .list();
    if (same.size() != rows.size()) {
      throw new IllegalStateException("a version that was there is gone");
    }
    return same;
  }

  /** A column of the rows as a {@code text[]} parameter. */
  private static SqlArrayValue column(List<Row> rows, Function<Row, @Nullable String> value) {
    String[] column = new String[rows.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = value.apply(rows.get(i));
    }
    return SqlArrays.text(column);
  }

  /**
   * The rows' JSON as parameters: one {@code bytea} holding every text one after the other, and
   * where each row's text starts (from 1) and how long it is. PostgreSQL takes a binary {@code
   * bytea} as it comes, where the same megabytes as a {@code text[]} literal would be read
   * character by character for quotes and escapes.
   */
  private record JsonTexts(List<byte[]> texts, int total, Integer[] from, Integer[] length) {

    static JsonTexts of(List<Row> rows) {
      List<byte[]> texts = new ArrayList<>(rows.size());
      Integer[] from = new Integer[rows.size()];
      Integer[] length = new Integer[rows.size()];
      int total = 0;
      for (int i = 0; i < rows.size(); i++) {
        byte[] text = rows.get(i).version().json();
        texts.add(text);
        from[i] = total + 1;
        length[i] = text.length;
        total += text.length;
      }
      return new JsonTexts(texts, total, from, length);
    }

    /**
     * The texts are streamed into the statement one after the other, never joined into one array:
     * megabytes in one piece would go straight to the old generation of the collector.
     */
    Map<String, Object> parameters() {
      SqlTypeValue json =
          (statement, index, sqlType, typeName) ->
              statement.setBinaryStream(
                  index,
                  new SequenceInputStream(
                      Collections.enumeration(
                          texts.stream().map(ByteArrayInputStream::new).toList())),
                  total);
      return Map.of("json", json, "jsonFrom", from, "jsonLength", length);
    }
  }

  /** A PostgreSQL array literal of the ids ({@code {a,b}}), for a column of arrays. */
  private static <T> @Nullable String arrayLiteral(@Nullable Set<T> ids, Function<T, UUID> value) {
    String[] uuids = uuids(ids, value);
    return uuids == null ? null : "{" + String.join(",", uuids) + "}";
  }

  /** A stored version's time and JSON. */
  public record StoredJson(Instant version, String json) {}

  /**
   * The latest version of an object that came from the source (null: from no Mamori item), if any.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<StoredJson> latest(UUID collection, String objectId, @Nullable String source) {
    return jdbc.sql(
            """
            select version, json from stix_object
             where collection_id = :collection and object_id = :object
               and source_item is not distinct from cast(:source as text)
             order by version desc, date_added desc
             limit 1
            """)
        .param("collection", collection)
        .param("object", objectId)
        .param("source", source)
        .query(
            (rs, i) ->
                new StoredJson(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)))
        .optional();
  }

  /** Whether the collection holds that version of the object. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean holds(UUID collection, String objectId, Instant version) {
    return jdbc.sql(
            "select exists (select 1 from stix_object where collection_id = :collection and"
                + " object_id = :object and version = :version)")
        .param("collection", collection)
        .param("object", objectId)
        .param("version", SqlTime.utc(version))
        .query(Boolean.class)
        .single();
  }

  /** Every version published from a Mamori item: row number and JSON. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<Long, String> publishedFrom(UUID collection, String source) {
    Map<Long, String> rows = new HashMap<>();
    jdbc.sql(
            "select id, json from stix_object where collection_id = :collection and"
                + " source_item = :source")
        .param("collection", collection)
        .param("source", source)
        .query(
            rs -> {
              rows.put(rs.getLong(1), rs.getString(2));
            });
    return rows;
  }

  /** Every Mamori item with a version published in the collection. */
  @Transactional(readOnly = true)
  public Set<String> publishedItems(UUID collection) {
    return Set.copyOf(
        jdbc.sql(
                "select distinct source_item from stix_object where collection_id = :collection"
                    + " and source_item is not null")
            .param("collection", collection)
            .query(String.class)
            .list());
  }

  /** Gives the rows a new access decision: marking, originator, recipients and named people. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void setAccess(
      UUID collection,
      Collection<Long> rows,
      Tlp tlp,
      OrganisationId originator,
      Set<OrganisationId> recipients,
      Set<PersonId> namedRecipients) {
    jdbc.sql(
            """
            update stix_object
               set tlp = :tlp, originator = :originator, recipients = cast(:recipients as uuid[]),
                   named_recipients = cast(:named as uuid[])
             where collection_id = :collection and id = any(cast(:rows as bigint[]))
            """)
        .param("collection", collection)
        .param("rows", rows.toArray(Long[]::new))
        .param("tlp", tlp.name())
        .param("originator", originator.value())
        .param("recipients", uuids(recipients, OrganisationId::value))
        .param("named", uuids(namedRecipients, PersonId::value))
        .update();
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

  /** Whether the collection has held more than one STIX version (see {@link #query}). */
  private boolean severalSpecVersions(UUID collection) {
    return jdbc.sql("select cardinality(spec_versions) > 1 from taxii_collection where id = :id")
        .param("id", collection)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * @param severalSpecVersions whether the collection has held more than one STIX version: only
   *     then may an object have a later STIX version than a row, which must be looked for row by
   *     row
   */
  private List<StoredVersion> query(
      UUID collection,
      ObjectFilter filter,
      @Nullable Cursor after,
      @Nullable Integer limit,
      Actor reader,
      boolean withJson,
      boolean severalSpecVersions) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("collection", collection);
    parameters.put("reader", reader.person().value());
    parameters.put("readerOrganisation", reader.organisation().value());
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
    String sameSpec = "n.spec_version = o.spec_version";
    if (filter.specVersions() != null) {
      conditions.add("o.spec_version = any(cast(:specs as text[]))");
      parameters.put("specs", filter.specVersions().toArray(String[]::new));
      sameSpec = "n.spec_version = any(cast(:specs as text[]))";
    } else if (severalSpecVersions) {
      // TAXII: without match[spec_version], only the latest STIX version held of each object.
      conditions.add(
          "not exists (select 1 from stix_object s where %s and s.spec_version > o.spec_version and %s)"
              .formatted(SAME_OBJECT.formatted("s"), VISIBLE.formatted("s")));
    }
    versionCondition(filter.versions(), sameSpec, parameters).ifPresent(conditions::add);
    if (limit != null) {
      parameters.put("limit", limit);
    }
    String sql =
        """
        select %s
          from stix_object o
         where o.collection_id = :collection and %s
         order by o.date_added, o.id
         %s
        """
            .formatted(
                versionColumns(withJson),
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

  /**
   * The columns {@link #version} reads, in its order, from {@code stix_object} as {@code o}; {@code
   * json} last when asked for. A page reads a thousand rows, so each column comes in the form
   * cheapest to read: the date added as microseconds since the epoch, and "no people named" (nearly
   * every row) as null rather than an empty array to parse.
   */
  public static String versionColumns(boolean withJson) {
    return """
        o.id, o.object_id, o.spec_version, o.version_text,
        cast(extract(epoch from o.date_added) * 1000000 as bigint) as date_added_micros, o.tlp,
        o.originator, nullif(o.named_recipients, '{}') as named_recipients, o.recipients"""
        + (withJson ? ", o.json" : "");
  }

  /**
   * The version in the current row of a query whose first columns are {@link #versionColumns}: read
   * by position, as looking each column up by name costs more than reading it.
   */
  public static StoredVersion version(ResultSet rs, boolean withJson) throws SQLException {
    Array named = rs.getArray(8);
    Array recipients = rs.getArray(9);
    return new StoredVersion(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Timestamps.ofEpochMicros(rs.getLong(5)),
        Tlp.valueOf(rs.getString(6)),
        new OrganisationId(rs.getObject(7, UUID.class)),
        named == null ? Set.of() : ids(named, PersonId::new),
        recipients == null ? null : ids(recipients, OrganisationId::new),
        withJson ? rs.getBytes(10) : null);
  }

  private static <T> Set<T> ids(Array array, Function<UUID, T> id) throws SQLException {
    return Arrays.stream((UUID[]) array.getArray()).map(id).collect(Collectors.toUnmodifiableSet());
  }

  private static <T> String @Nullable [] uuids(@Nullable Set<T> ids, Function<T, UUID> value) {
    return ids == null
        ? null
        : ids.stream().map(value).map(UUID::toString).sorted().toArray(String[]::new);
  }
}
