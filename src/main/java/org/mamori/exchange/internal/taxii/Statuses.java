package org.mamori.exchange.internal.taxii;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.Timestamps;
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

  /** Records a request with every object pending (ids and versions as far as they can be read). */
  void open(UUID id, UUID collection, Actor actor, Instant at, List<Entry> entries) {
    jdbc.sql(
            """
            insert into taxii_status (id, collection_id, person_id, organisation_id, request_timestamp)
            values (:id, :collection, :person, :organisation, :at)
            """)
        .param("id", id)
        .param("collection", collection)
        .param("person", actor.person().value())
        .param("organisation", actor.organisation().value())
        .param("at", SqlTime.utc(at))
        .update();
    jdbc.sql(
            """
            insert into taxii_status_object (status_id, position, object_id, version, outcome)
            select :id, cast(u.position as int), u.object_id, u.version, 'PENDING'
              from unnest(cast(:positions as text[]), cast(:ids as text[]), cast(:versions as text[]))
                   as u(position, object_id, version)
            """)
        .param("id", id)
        .param(
            "positions",
            entries.stream().map(e -> Integer.toString(e.position())).toArray(String[]::new))
        .param("ids", entries.stream().map(Entry::objectId).toArray(String[]::new))
        .param("versions", entries.stream().map(Entry::version).toArray(String[]::new))
        .update();
  }

  /** Records what became of some objects of a request. */
  void settle(UUID id, List<Entry> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update taxii_status_object s
               set outcome = u.outcome, version = u.version, message = u.message
              from unnest(cast(:positions as text[]), cast(:outcomes as text[]),
                          cast(:versions as text[]), cast(:messages as text[]))
                   as u(position, outcome, version, message)
             where s.status_id = :id and s.position = cast(u.position as int)
            """)
        .param("id", id)
        .param(
            "positions",
            outcomes.stream().map(e -> Integer.toString(e.position())).toArray(String[]::new))
        .param("outcomes", outcomes.stream().map(e -> e.outcome().name()).toArray(String[]::new))
        .param("versions", outcomes.stream().map(Entry::version).toArray(String[]::new))
        .param("messages", outcomes.stream().map(Entry::message).toArray(String[]::new))
        .update();
  }

  void complete(UUID id) {
    jdbc.sql("update taxii_status set completed = true where id = :id").param("id", id).update();
  }

  /** A request's status, only for the person who made it, acting for the same organisation. */
  Optional<Status> of(UUID id, Actor actor) {
    Optional<Status> status =
        jdbc.sql(
                """
                select request_timestamp, completed from taxii_status
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
                        List.of()))
            .optional();
    return status.map(
        found ->
            new Status(
                found.id(),
                found.requestTimestamp(),
                found.completed(),
                jdbc.sql(
                        """
                        select position, object_id, version, outcome, message
                          from taxii_status_object where status_id = :id order by position
                        """)
                    .param("id", id)
                    .query(
                        (rs, i) ->
                            new Entry(
                                rs.getInt("position"),
                                rs.getString("object_id"),
                                rs.getString("version"),
                                Outcome.valueOf(rs.getString("outcome")),
                                rs.getString("message")))
                    .list()));
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
