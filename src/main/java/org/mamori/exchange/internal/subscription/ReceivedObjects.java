package org.mamori.exchange.internal.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.exchange.internal.store.StixObjects.NewVersion;
import org.mamori.exchange.internal.store.StoredVersion;
import org.mamori.platform.SqlTime;
import org.mamori.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which stored versions came in through a subscription, newest first. */
@Repository
class ReceivedObjects {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int LONGEST_LABEL = 300;

  private final JdbcClient jdbc;

  ReceivedObjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Notes that the version just added to the collection came through the subscription. */
  void record(
      UUID collection, NewVersion version, Instant dateAdded, UUID subscription, Instant at) {
    Instant versionTime = version.version() == null ? dateAdded : version.version();
    jdbc.sql(
            """
            insert into taxii_received (object_row, subscription_id, label, received_at)
            select id, :subscription, :label, :at from stix_object
             where collection_id = :collection and object_id = :object and version = :version
            """)
        .param("subscription", subscription)
        .param("label", label(version))
        .param("at", SqlTime.utc(at))
        .param("collection", collection)
        .param("object", version.objectId())
        .param("version", SqlTime.utc(versionTime))
        .update();
  }

  /** What a person sees of an object: its name, else its title, summary or text, else its id. */
  private static String label(NewVersion version) {
    JsonNode object = JSON.readTree(version.json());
    for (String property : List.of("name", "title", "abstract", "content", "value")) {
      JsonNode value = object.get(property);
      if (value != null && value.isString() && !value.stringValue().isBlank()) {
        String text = value.stringValue().strip();
        return text.length() > LONGEST_LABEL ? text.substring(0, LONGEST_LABEL) + "…" : text;
      }
    }
    return version.objectId();
  }

  /**
   * One received version, with what the TLP decision needs.
   *
   * @param json the object; null in lists
   */
  record Received(
      StoredVersion version,
      UUID collection,
      String objectType,
      boolean revoked,
      String label,
      UUID subscription,
      String subscriptionTitle,
      Instant receivedAt,
      @Nullable String json) {}

  /**
   * The newest received versions in the collections that the exact decision lets the reader see.
   *
   * @param readable the exact TLP decision for each collection the reader may read
   */
  List<Received> newest(
      Collection<UUID> collections,
      PersonId reader,
      Function<UUID, Predicate<StoredVersion>> readable,
      int limit) {
    List<Received> shown = new ArrayList<>();
    if (collections.isEmpty()) {
      return shown;
    }
    Instant beforeTime = null;
    long beforeRow = Long.MAX_VALUE;
    while (shown.size() < limit) {
      Instant before = beforeTime;
      long beforeRowNow = beforeRow;
      List<Received> rows =
          query(
              """
              o.collection_id = any(cast(:collections as uuid[]))
              and (cast(:before as timestamptz) is null
                   or (r.received_at, r.object_row) < (cast(:before as timestamptz), :beforeRow))
              order by r.received_at desc, r.object_row desc limit :limit
              """,
              false,
              reader,
              params ->
                  params
                      .param(
                          "collections",
                          collections.stream().map(UUID::toString).toArray(String[]::new))
                      .param("before", SqlTime.utc(before))
                      .param("beforeRow", beforeRowNow)
                      .param("limit", limit));
      for (Received row : rows) {
        if (readable.apply(row.collection()).test(row.version()) && shown.size() < limit) {
          shown.add(row);
        }
      }
      if (rows.size() < limit) {
        break;
      }
      Received last = rows.get(rows.size() - 1);
      beforeTime = last.receivedAt();
      beforeRow = last.version().row();
    }
    return shown;
  }

  /** One received version with its JSON, before any TLP decision. */
  Optional<Received> one(long row, PersonId reader) {
    return query("r.object_row = :row", true, reader, params -> params.param("row", row)).stream()
        .findFirst();
  }

  private List<Received> query(
      String condition,
      boolean withJson,
      PersonId reader,
      Function<JdbcClient.StatementSpec, JdbcClient.StatementSpec> params) {
    String sql =
        """
        select %s, o.object_type, o.revoked, o.collection_id,
               r.label, r.received_at, s.id as subscription_id, s.title as subscription_title
          from taxii_received r
          join stix_object o on o.id = r.object_row
          join taxii_subscription s on s.id = r.subscription_id
         where (o.tlp <> 'RED' or cast(:reader as uuid) = any(o.named_recipients)) and %s
        """
            .formatted(StixObjects.versionColumns(withJson), condition);
    return params
        .apply(jdbc.sql(sql).param("reader", reader.value()))
        .query((rs, i) -> received(rs, withJson))
        .list();
  }

  private static Received received(ResultSet rs, boolean withJson) throws SQLException {
    String json = withJson ? rs.getString("json") : null;
    return new Received(
        StixObjects.version(rs, withJson),
        rs.getObject("collection_id", UUID.class),
        rs.getString("object_type"),
        rs.getBoolean("revoked"),
        rs.getString("label"),
        rs.getObject("subscription_id", UUID.class),
        rs.getString("subscription_title"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        json);
  }
}
