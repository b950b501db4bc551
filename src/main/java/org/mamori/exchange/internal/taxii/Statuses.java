package org.mamori.exchange.internal.taxii;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.Timestamps;
import org.mamori.platform.SqlArrays;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status of each request that added objects (TAXII 4.3): opened with every object pending
 * before anything is stored, then each object's outcome as its batch commits, so a request cut off
 * half-way still tells which objects were stored.
 */
@Repository
class Statuses {

  /** What became of one object of a request. */
  enum Outcome {
    PENDING,
    SUCCESS,
    FAILURE
  }

  /** One object of a request: its place in the envelope, id and version, and what became of it. */
  record Entry(
      int position, String objectId, String version, Outcome outcome, @Nullable String message) {}

  /** A request's status as its poster may read it. */
  record Status(UUID id, Instant requestTimestamp, boolean completed, List<Entry> entries) {}

  private final JdbcClient jdbc;

  Statuses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a request with every object pending (ids and versions as far as they can be read): the
   * objects are listed on the request, and get a row of their own once their outcome is known.
   */
  void open(UUID id, UUID collection, Actor actor, Instant at, List<Entry> entries) {
    jdbc.sql(
            """
            insert into taxii_status (id, collection_id, person_id, organisation_id,
                                      request_timestamp, offered_ids, offered_versions)
            values (:id, :collection, :person, :organisation, :at,
                    cast(:ids as text[]), cast(:versions as text[]))
            """)
        .param("id", id)
        .param("collection", collection)
        .param("person", actor.person().value())
        .param("organisation", actor.organisation().value())
        .param("at", SqlTime.utc(at))
        .param(
            "ids",
            SqlArrays.text(
                entries.stream()
                    .map(Entry::objectId)
                    .map(Statuses::storable)
                    .toArray(String[]::new)))
        .param(
            "versions",
            SqlArrays.text(
                entries.stream()
                    .map(Entry::version)
                    .map(Statuses::storable)
                    .toArray(String[]::new)))
        .update();
  }

  /**
   * Records what became of some objects of a request, as one row of lists: a row per object made a
   * large POST write thousands of rows. An object settled again reads as its last outcome.
   */
  void settle(UUID id, List<Entry> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into taxii_status_outcomes (status_id, positions, object_ids, outcomes,
                                               versions, messages)
            values (:id, cast(:positions as int[]), cast(:ids as text[]),
                    cast(:outcomes as text[]), cast(:versions as text[]),
                    cast(:messages as text[]))
            """)
        .param("id", id)
        .param("positions", outcomes.stream().map(Entry::position).toArray(Integer[]::new))
        .param(
            "ids",
            SqlArrays.text(
                outcomes.stream()
                    .map(Entry::objectId)
                    .map(Statuses::storable)
                    .toArray(String[]::new)))
        .param(
            "outcomes",
            SqlArrays.text(outcomes.stream().map(e -> e.outcome().name()).toArray(String[]::new)))
        .param(
            "versions",
            SqlArrays.text(
                outcomes.stream()
                    .map(Entry::version)
                    .map(Statuses::storable)
                    .toArray(String[]::new)))
        .param(
            "messages",
            SqlArrays.text(
                outcomes.stream()
                    .map(Entry::message)
                    .map(Statuses::storable)
                    .toArray(String[]::new)))
        .update();
  }

  /**
   * An offered id, version or reason as PostgreSQL can keep it: a NUL character (which a refused
   * object may carry) becomes U+FFFD; the object itself is refused anyway.
   */
  private static String storable(String text) {
    return text == null ? null : text.replace('\u0000', '\uFFFD');
  }

  void complete(UUID id) {
    jdbc.sql("update taxii_status set completed = true where id = :id").param("id", id).update();
  }

  /** A request's status, only for the person who made it, acting for the same organisation. */
  Optional<Status> of(UUID id, Actor actor) {
    return jdbc.sql(
            """
            select request_timestamp, completed, offered_ids, offered_versions from taxii_status
             where id = :id and person_id = :person and organisation_id = :organisation
            """)
        .param("id", id)
        .param("person", actor.person().value())
        .param("organisation", actor.organisation().value())
        .query(
            (rs, i) ->
                new Status(
                    id,
                    rs.getObject("request_timestamp", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("completed"),
                    pending(rs.getArray("offered_ids"), rs.getArray("offered_versions"))))
        .optional()
        .map(this::withOutcomes);
  }

  /** Every object listed on the request, pending (none for requests that listed them as rows). */
  private static List<Entry> pending(@Nullable Array ids, @Nullable Array versions)
      throws SQLException {
    if (ids == null || versions == null) {
      return List.of();
    }
    String[] objectIds = (String[]) ids.getArray();
    String[] objectVersions = (String[]) versions.getArray();
    List<Entry> entries = new ArrayList<>(objectIds.length);
    for (int i = 0; i < objectIds.length; i++) {
      entries.add(new Entry(i, objectIds[i], objectVersions[i], Outcome.PENDING, null));
    }
    return entries;
  }

  /** The status with the outcome of each object that has one, in the envelope's order. */
  private Status withOutcomes(Status listed) {
    SortedMap<Integer, Entry> entries = new TreeMap<>();
    listed.entries().forEach(entry -> entries.put(entry.position(), entry));
    jdbc.sql(
            """
            select u.position, u.object_id, u.version, u.outcome, u.message
              from taxii_status_outcomes o,
                   unnest(o.positions, o.object_ids, o.versions, o.outcomes, o.messages)
                     as u(position, object_id, version, outcome, message)
             where o.status_id = :id
             order by o.id
            """)
        .param("id", listed.id())
        .query(
            (rs, i) ->
                new Entry(
                    rs.getInt("position"),
                    rs.getString("object_id"),
                    rs.getString("version"),
                    Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("message")))
        .list()
        .forEach(entry -> entries.put(entry.position(), entry));
    return new Status(
        listed.id(), listed.requestTimestamp(), listed.completed(), List.copyOf(entries.values()));
  }

  /** TAXII's status resource. */
  record Resource(
      String id,
      String status,
      String requestTimestamp,
      int totalCount,
      int successCount,
      @Nullable List<Details> successes,
      int failureCount,
      @Nullable List<Details> failures,
      int pendingCount,
      @Nullable List<Details> pendings) {

    /** TAXII's status-details. */
    record Details(String id, String version, @Nullable String message) {}

    static Resource of(Status status) {
      List<Details> successes = new ArrayList<>();
      List<Details> failures = new ArrayList<>();
      List<Details> pendings = new ArrayList<>();
      for (Entry entry : status.entries()) {
        Details details = new Details(entry.objectId(), entry.version(), entry.message());
        switch (entry.outcome()) {
          case SUCCESS -> successes.add(details);
          case FAILURE -> failures.add(details);
          case PENDING -> pendings.add(details);
        }
      }
      return new Resource(
          status.id().toString(),
          status.completed() ? "complete" : "pending",
          Timestamps.taxii(status.requestTimestamp()),
          status.entries().size(),
          successes.size(),
          TaxiiJson.orNone(successes),
          failures.size(),
          TaxiiJson.orNone(failures),
          pendings.size(),
          TaxiiJson.orNone(pendings));
    }
  }
}
