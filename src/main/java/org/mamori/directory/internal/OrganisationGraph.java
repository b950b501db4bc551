package org.mamori.directory.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mamori.directory.Capability;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Set-based questions about who belongs where, answered in SQL without loading aggregates. */
@Component
class OrganisationGraph {

  private final JdbcClient jdbc;

  OrganisationGraph(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sectors an organisation works in: its own and those of its services. */
  Set<UUID> sectorsOf(UUID organisation) {
    return new HashSet<>(
        jdbc.sql(
                """
                select sector_id from organisation where id = :id and sector_id is not null
                union
                select sector_id from operator_service where organisation_id = :id
                """)
            .param("id", organisation)
            .query(UUID.class)
            .list());
  }

  Set<UUID> ceptoarsOf(UUID operator) {
    return new HashSet<>(
        jdbc.sql("select ceptoar_id from ceptoar_membership where operator_id = :id")
            .param("id", operator)
            .query(UUID.class)
            .list());
  }

  Set<UUID> ministriesOf(Collection<UUID> sectors, LocalDate on) {
    if (sectors.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                """
                select ministry_id from sector_ministry
                where sector_id in (:sectors) and valid_from <= :on
                  and (valid_to is null or valid_to >= :on)
                """)
            .param("sectors", sectors)
            .param("on", on)
            .query(UUID.class)
            .list());
  }

  Set<String> kindsOf(UUID organisation) {
    return new HashSet<>(
        jdbc.sql("select unnest(kinds) from organisation where id = :id")
            .param("id", organisation)
            .query(String.class)
            .list());
  }

  List<UUID> activeOperatorsInSector(UUID sector) {
    return jdbc.sql(
            """
            select o.id from organisation o
            where o.active and 'OPERATOR' = any (o.kinds)
              and (o.sector_id = :sector
                   or exists (select 1 from operator_service s
                              where s.organisation_id = o.id and s.sector_id = :sector))
            order by o.name_ja
            """)
        .param("sector", sector)
        .query(UUID.class)
        .list();
  }

  /** Every active organisation as every member may know it, by Japanese name. */
  List<OrganisationSummary> activeOrganisations() {
    return jdbc.sql(
            """
            select id, code, kinds, name_ja, name_en, sector_id from organisation
            where active order by name_ja, code
            """)
        .query(
            (rs, i) -> {
              Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
              for (String kind : (String[]) rs.getArray("kinds").getArray()) {
                kinds.add(OrganisationKind.valueOf(kind));
              }
              UUID sector = rs.getObject("sector_id", UUID.class);
              return new OrganisationSummary(
                  new OrganisationId(rs.getObject("id", UUID.class)),
                  rs.getString("code"),
                  kinds,
                  rs.getString("name_ja"),
                  rs.getString("name_en"),
                  sector == null ? null : new SectorId(sector),
                  true);
            })
        .list();
  }

  List<UUID> activeMembersOf(UUID ceptoar) {
    return jdbc.sql(
            """
            select o.id from organisation o join ceptoar_membership m on m.operator_id = o.id
            where o.active and m.ceptoar_id = :ceptoar order by o.name_ja
            """)
        .param("ceptoar", ceptoar)
        .query(UUID.class)
        .list();
  }

  List<UUID> activeOperators() {
    return jdbc.sql(
            "select id from organisation where active and 'OPERATOR' = any (kinds) order by name_ja")
        .query(UUID.class)
        .list();
  }

  boolean isActive(UUID organisation) {
    return jdbc.sql("select active from organisation where id = :id")
        .param("id", organisation)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Active people of the active organisation holding a role there that grants one of the
   * capabilities; roles count only where the organisation's kind allows them, as in the summaries.
   */
  List<UUID> activeMembersHolding(UUID organisation, Collection<String> capabilities) {
    return jdbc.sql(
            """
            select distinct p.id from membership m
            join person p on p.id = m.person_id and p.active
            join organisation o on o.id = m.organisation_id and o.active
            join role r on r.code = any (m.roles) and r.allowed_kinds && o.kinds
            where m.organisation_id = :organisation
              and exists (select 1 from unnest(r.capabilities) c where c in (:capabilities))
            """)
        .param("organisation", organisation)
        .param("capabilities", capabilities)
        .query(UUID.class)
        .list();
  }

  boolean anyActivePersonHolds(String capability) {
    return jdbc.sql(
            """
            select exists (
              select 1 from membership m
              join person p on p.id = m.person_id and p.active
              join organisation o on o.id = m.organisation_id and o.active
              join role r on r.code = any (m.roles)
              where :capability = any (r.capabilities) and r.allowed_kinds && o.kinds)
            """)
        .param("capability", capability)
        .query(Boolean.class)
        .single();
  }

  /** The people with these ids, as other modules see them, in no particular order. */
  List<PersonSummary> people(Collection<UUID> ids) {
    return jdbc.sql(
            "select id, email, display_name, active from person where id = any(cast(:ids as"
                + " uuid[]))")
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            (rs, i) ->
                new PersonSummary(
                    new PersonId(rs.getObject("id", UUID.class)),
                    rs.getString("email"),
                    rs.getString("display_name"),
                    rs.getBoolean("active")))
        .list();
  }

  /**
   * An active person's memberships of active organisations, in the order joined, each with the
   * capabilities of its roles that the organisation's kinds allow. One query: every request asks.
   */
  List<MembershipSummary> membershipsOf(UUID person) {
    return jdbc.sql(
            """
            select m.organisation_id, m.roles,
                   array(select distinct c from role r cross join unnest(r.capabilities) c
                          where r.code = any (m.roles) and r.allowed_kinds && o.kinds) capabilities
              from person p
              join membership m on m.person_id = p.id
              join organisation o on o.id = m.organisation_id and o.active
             where p.id = :person and p.active
             order by m.joined_at, m.organisation_id
            """)
        .param("person", person)
        .query(
            (rs, i) -> {
              Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
              for (String capability : (String[]) rs.getArray("capabilities").getArray()) {
                capabilities.add(Capability.valueOf(capability));
              }
              return new MembershipSummary(
                  new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                  Set.of((String[]) rs.getArray("roles").getArray()),
                  capabilities);
            })
        .list();
  }
}
