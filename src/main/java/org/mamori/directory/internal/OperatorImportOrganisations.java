package org.mamori.directory.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.SizeClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads many organisations at once for an import: four queries per thousand instead of the
 * repository's query per collection per aggregate, which took most of a minute for a full file. The
 * aggregates are complete (version included), so saving them through {@link Organisations} is an
 * ordinary, optimistically locked update.
 */
@Component
class OperatorImportOrganisations {

  private static final int CHUNK = 1_000;

  private final JdbcClient jdbc;

  OperatorImportOrganisations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<UUID, Organisation> load(Collection<UUID> ids) {
    Map<UUID, Organisation> loaded = new HashMap<>();
    List<UUID> all = List.copyOf(new HashSet<>(ids));
    for (int from = 0; from < all.size(); from += CHUNK) {
      loadChunk(all.subList(from, Math.min(from + CHUNK, all.size())), loaded);
    }
    return loaded;
  }

  private void loadChunk(List<UUID> ids, Map<UUID, Organisation> loaded) {
    Map<UUID, Set<Contact>> contacts = new HashMap<>();
    jdbc.sql(
            """
            select organisation_id, id, label, email, phone, position from organisation_contact
            where organisation_id in (:ids)
            """)
        .param("ids", ids)
        .query(
            rs -> {
              contacts
                  .computeIfAbsent(
                      rs.getObject("organisation_id", UUID.class), k -> new HashSet<>())
                  .add(
                      new Contact(
                          rs.getObject("id", UUID.class),
                          rs.getString("label"),
                          rs.getString("email"),
                          rs.getString("phone"),
                          rs.getInt("position")));
            });
    Map<UUID, Set<OperatorService>> services = new HashMap<>();
    jdbc.sql(
            """
            select organisation_id, id, sector_id, name_ja, name_en, description, position
            from operator_service where organisation_id in (:ids)
            """)
        .param("ids", ids)
        .query(
            rs -> {
              services
                  .computeIfAbsent(
                      rs.getObject("organisation_id", UUID.class), k -> new HashSet<>())
                  .add(
                      new OperatorService(
                          rs.getObject("id", UUID.class),
                          rs.getObject("sector_id", UUID.class),
                          rs.getString("name_ja"),
                          rs.getString("name_en"),
                          rs.getString("description"),
                          rs.getInt("position")));
            });
    Map<UUID, Set<CeptoarMembership>> ceptoars = new HashMap<>();
    jdbc.sql("select operator_id, ceptoar_id from ceptoar_membership where operator_id in (:ids)")
        .param("ids", ids)
        .query(
            rs -> {
              ceptoars
                  .computeIfAbsent(rs.getObject("operator_id", UUID.class), k -> new HashSet<>())
                  .add(new CeptoarMembership(rs.getObject("ceptoar_id", UUID.class)));
            });
    List<Organisation> organisations = new ArrayList<>();
    jdbc.sql(
            """
            select id, code, kinds, name_ja, name_en, sector_id, size_class, employees, capital_yen,
                   prefecture, website, country, active, created_at, version
            from organisation where id in (:ids)
            """)
        .param("ids", ids)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              String sizeClass = rs.getString("size_class");
              Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
              Arrays.stream((String[]) rs.getArray("kinds").getArray())
                  .forEach(k -> kinds.add(OrganisationKind.valueOf(k)));
              organisations.add(
                  new Organisation(
                      id,
                      rs.getString("code"),
                      kinds,
                      rs.getString("name_ja"),
                      rs.getString("name_en"),
                      rs.getObject("sector_id", UUID.class),
                      sizeClass == null ? null : SizeClass.valueOf(sizeClass),
                      rs.getObject("employees", Integer.class),
                      rs.getObject("capital_yen", Long.class),
                      rs.getString("prefecture"),
                      rs.getString("website"),
                      rs.getString("country"),
                      rs.getBoolean("active"),
                      rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                      contacts.getOrDefault(id, Set.of()),
                      services.getOrDefault(id, Set.of()),
                      ceptoars.getOrDefault(id, Set.of()),
                      rs.getLong("version")));
            });
    organisations.forEach(o -> loaded.put(o.id().value(), o));
  }
}
