package org.mamori.exchange.internal.taxii;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mamori.exchange.CollectionDefinition;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The collections, in the order they were made (TAXII asks for a stable order). */
@Repository
public class StoredCollections {

  private static final String COLUMNS =
      "id, title, description, alias, default_tlp, readable_by_everyone, reader_organisations,"
          + " reader_sectors, writer_organisations, created_at, updated_at";

  private final JdbcClient jdbc;

  StoredCollections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<TaxiiCollection> all() {
    return jdbc.sql("select " + COLUMNS + " from taxii_collection order by created_at, id")
        .query((rs, i) -> collection(rs))
        .list();
  }

  public Optional<TaxiiCollection> byId(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from taxii_collection where id = :id")
        .param("id", id)
        .query((rs, i) -> collection(rs))
        .optional();
  }

  Optional<TaxiiCollection> byAlias(String alias) {
    return jdbc.sql("select " + COLUMNS + " from taxii_collection where alias = :alias")
        .param("alias", alias)
        .query((rs, i) -> collection(rs))
        .optional();
  }

  /** How many object versions each collection holds. */
  Map<UUID, Long> versionCounts() {
    return jdbc
        .sql("select collection_id, count(*) from stix_object group by collection_id")
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  void insert(UUID id, CollectionDefinition definition, Instant at) {
    jdbc.sql(
            """
            insert into taxii_collection (id, title, description, alias, default_tlp,
                                          readable_by_everyone, reader_organisations, reader_sectors,
                                          writer_organisations, created_at, updated_at)
            values (:id, :title, :description, cast(:alias as text), :defaultTlp, :everyone,
                    cast(:readers as uuid[]), cast(:sectors as uuid[]), cast(:writers as uuid[]),
                    :at, :at)
            """)
        .param("id", id)
        .params(columns(definition))
        .param("at", SqlTime.utc(at))
        .update();
  }

  void update(UUID id, CollectionDefinition definition, Instant at) {
    jdbc.sql(
            """
            update taxii_collection
               set title = :title, description = :description, alias = cast(:alias as text),
                   default_tlp = :defaultTlp, readable_by_everyone = :everyone,
                   reader_organisations = cast(:readers as uuid[]),
                   reader_sectors = cast(:sectors as uuid[]),
                   writer_organisations = cast(:writers as uuid[]), updated_at = :at
             where id = :id
            """)
        .param("id", id)
        .params(columns(definition))
        .param("at", SqlTime.utc(at))
        .update();
  }

  private static Map<String, Object> columns(CollectionDefinition definition) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("title", definition.title());
    columns.put("description", definition.description());
    columns.put("alias", definition.alias());
    columns.put("defaultTlp", definition.defaultTlp().name());
    columns.put("everyone", definition.readableByEveryone());
    columns.put("readers", ids(definition.readerOrganisations(), OrganisationId::value));
    columns.put("sectors", ids(definition.readerSectors(), SectorId::value));
    columns.put("writers", ids(definition.writerOrganisations(), OrganisationId::value));
    return columns;
  }

  private static <T> String[] ids(Collection<T> ids, Function<T, UUID> value) {
    return ids.stream().map(value).map(UUID::toString).sorted().toArray(String[]::new);
  }

  private static TaxiiCollection collection(ResultSet rs) throws SQLException {
    return new TaxiiCollection(
        rs.getObject("id", UUID.class),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("alias"),
        Tlp.valueOf(rs.getString("default_tlp")),
        rs.getBoolean("readable_by_everyone"),
        uuids(rs, "reader_organisations", OrganisationId::new),
        uuids(rs, "reader_sectors", SectorId::new),
        uuids(rs, "writer_organisations", OrganisationId::new),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private static <T> Set<T> uuids(ResultSet rs, String column, Function<UUID, T> id)
      throws SQLException {
    return Arrays.stream((UUID[]) rs.getArray(column).getArray())
        .map(id)
        .collect(Collectors.toUnmodifiableSet());
  }
}
