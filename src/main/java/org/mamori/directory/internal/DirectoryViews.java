package org.mamori.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models for the directory's pages: one query per list, no aggregate loading in loops. */
@Component
class DirectoryViews {

  private final JdbcClient jdbc;
  private final Clock clock;

  DirectoryViews(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record SectorRow(
      String code,
      int displayOrder,
      String nameJa,
      String nameEn,
      LocalDate designatedOn,
      @Nullable LocalDate retiredOn,
      @Nullable String ministryJa,
      @Nullable String ministryEn,
      int ceptoars,
      int operators) {

    public String name(Locale locale) {
      return pick(locale, nameJa, nameEn);
    }

    public String ministry(Locale locale) {
      return ministryJa == null ? "" : pick(locale, ministryJa, ministryEn);
    }
  }

  List<SectorRow> sectors() {
    return jdbc.sql(
            """
            select s.code, s.display_order, s.name_ja, s.name_en, s.designated_on, s.retired_on,
                   m.name_ja as ministry_ja, m.name_en as ministry_en,
                   (select count(*) from organisation c
                     where c.sector_id = s.id and 'CEPTOAR' = any (c.kinds)) as ceptoars,
                   (select count(*) from organisation o
                     where o.active and 'OPERATOR' = any (o.kinds)
                       and (o.sector_id = s.id or exists (select 1 from operator_service os
                            where os.organisation_id = o.id and os.sector_id = s.id))) as operators
            from sector s
            left join sector_ministry sm on sm.sector_id = s.id and sm.valid_from <= :today
                 and (sm.valid_to is null or sm.valid_to >= :today)
            left join organisation m on m.id = sm.ministry_id
            order by s.display_order, s.code
            """)
        .param("today", JapanDate.today(clock))
        .query(SectorRow.class)
        .list();
  }

  /** An organisation in a list: only what every member may know. */
  record OrganisationRow(
      UUID id,
      String code,
      String nameJa,
      String nameEn,
      String[] kinds,
      @Nullable String sectorCode,
      @Nullable String sectorJa,
      @Nullable String sectorEn,
      boolean active) {

    public String name(Locale locale) {
      return pick(locale, nameJa, nameEn);
    }

    public String sector(Locale locale) {
      return sectorJa == null ? "" : pick(locale, sectorJa, sectorEn);
    }
  }

  private static final RowMapper<OrganisationRow> ORGANISATION_ROWS =
      (rs, i) ->
          new OrganisationRow(
              rs.getObject("id", UUID.class),
              rs.getString("code"),
              rs.getString("name_ja"),
              rs.getString("name_en"),
              (String[]) rs.getArray("kinds").getArray(),
              rs.getString("sector_code"),
              rs.getString("sector_ja"),
              rs.getString("sector_en"),
              rs.getBoolean("active"));

  /**
   * Organisations matching a search, by name; a sector filter also finds operators whose services
   * are in it.
   */
  List<OrganisationRow> organisations(
      @Nullable String query,
      @Nullable String sectorCode,
      @Nullable String kind,
      int offset,
      int limit) {
    return jdbc.sql(
            """
            select o.id, o.code, o.name_ja, o.name_en, o.kinds, s.code as sector_code,
                   s.name_ja as sector_ja, s.name_en as sector_en, o.active
            from organisation o left join sector s on s.id = o.sector_id
            where (cast(:query as text) is null
                   or o.name_ja ilike '%' || :query || '%' or o.name_en ilike '%' || :query || '%'
                   or o.code ilike '%' || :query || '%')
              and (cast(:kind as text) is null or :kind = any (o.kinds))
              and (cast(:sector as text) is null or s.code = :sector
                   or exists (select 1 from operator_service os join sector ss on ss.id = os.sector_id
                              where os.organisation_id = o.id and ss.code = :sector))
            order by o.name_ja, o.code
            offset :offset limit :limit
            """)
        .param("query", blankToNull(query))
        .param("sector", blankToNull(sectorCode))
        .param("kind", blankToNull(kind))
        .param("offset", offset)
        .param("limit", limit)
        .query(ORGANISATION_ROWS)
        .list();
  }

  List<OrganisationRow> ceptoarsOfSector(UUID sector) {
    return organisationsWhere("'CEPTOAR' = any (o.kinds) and o.sector_id = :sector", sector);
  }

  List<OrganisationRow> operatorsOfSector(UUID sector) {
    return organisationsWhere(
        """
        o.active and 'OPERATOR' = any (o.kinds) and (o.sector_id = :sector or exists (
          select 1 from operator_service os where os.organisation_id = o.id
            and os.sector_id = :sector))
        """,
        sector);
  }

  private List<OrganisationRow> organisationsWhere(String condition, UUID sector) {
    return jdbc.sql(
            """
            select o.id, o.code, o.name_ja, o.name_en, o.kinds, s.code as sector_code,
                   s.name_ja as sector_ja, s.name_en as sector_en, o.active
            from organisation o left join sector s on s.id = o.sector_id
            where %s order by o.name_ja
            """
                .formatted(condition))
        .param("sector", sector)
        .query(ORGANISATION_ROWS)
        .list();
  }

  /** Every organisation that is not an operator: the choices for sharing-map ends. */
  List<OrganisationRow> nonOperators() {
    return jdbc.sql(
            """
            select o.id, o.code, o.name_ja, o.name_en, o.kinds, s.code as sector_code,
                   s.name_ja as sector_ja, s.name_en as sector_en, o.active
            from organisation o left join sector s on s.id = o.sector_id
            where not ('OPERATOR' = any (o.kinds)) order by o.name_ja
            """)
        .query(ORGANISATION_ROWS)
        .list();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String pick(Locale locale, String ja, @Nullable String en) {
    return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : ja;
  }
}
