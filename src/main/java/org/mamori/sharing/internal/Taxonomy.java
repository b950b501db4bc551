package org.mamori.sharing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report taxonomy and sector levels, kept in their reference tables. Nothing here is cached: a
 * change administrators make is offered, checked and shown from the next request on.
 */
@Component
class Taxonomy {

  private final JdbcClient jdbc;

  Taxonomy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One entry of a taxonomy list, with a plain-words hint (blank where the list has none). A
   * retired entry is kept for the reports that use it but no longer offered for new ones.
   */
  record Option(
      String code,
      String group,
      LocalizedText name,
      String hintJa,
      String hintEn,
      int order,
      boolean retired) {

    public String hint(Locale locale) {
      return "en".equals(locale.getLanguage()) && !hintEn.isBlank() ? hintEn : hintJa;
    }
  }

  /** Every event type, retired ones included: old reports and the statistics still name them. */
  List<Option> eventTypes() {
    return options(TaxonomyList.EVENT_TYPES);
  }

  /** Every cause, retired ones included. */
  List<Option> causes() {
    return options(TaxonomyList.CAUSES);
  }

  /** Every impact, retired ones included. */
  List<Option> impacts() {
    return options(TaxonomyList.IMPACTS);
  }

  /**
   * Every entry of the list, retired ones included, group by group and in their order inside a
   * group, so a group's entries stay together whatever orders administrators give them.
   */
  List<Option> options(TaxonomyList list) {
    String group = list.grouped() ? list.groupColumn() : "''";
    String hints = list.hinted() ? "hint_ja, hint_en" : "'' as hint_ja, '' as hint_en";
    List<Option> options =
        new ArrayList<>(
            jdbc.sql(
                    "select code, %s as grp, name_ja, name_en, %s, display_order, retired from %s"
                        .formatted(group, hints, list.table()))
                .query(
                    (rs, i) ->
                        new Option(
                            rs.getString("code"),
                            rs.getString("grp"),
                            new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                            rs.getString("hint_ja"),
                            rs.getString("hint_en"),
                            rs.getInt("display_order"),
                            rs.getBoolean("retired")))
                .list());
    options.sort(
        Comparator.comparingInt((Option o) -> list.rank(o.group()))
            .thenComparingInt(Option::order)
            .thenComparing(Option::code));
    return options;
  }

  /** Adds an entry to the list; its code must be new there. */
  void add(TaxonomyList list, Option entry) {
    String columns =
        "code, name_ja, name_en, display_order, retired"
            + (list.grouped() ? ", " + list.groupColumn() : "")
            + (list.hinted() ? ", hint_ja, hint_en" : "");
    String values =
        ":code, :nameJa, :nameEn, :order, :retired"
            + (list.grouped() ? ", :group" : "")
            + (list.hinted() ? ", :hintJa, :hintEn" : "");
    bind(
            jdbc.sql("insert into %s (%s) values (%s)".formatted(list.table(), columns, values)),
            list,
            entry)
        .update();
  }

  /** Writes the entry's names, hints, order and retirement; its code and group stay. */
  void update(TaxonomyList list, Option entry) {
    String set =
        "name_ja = :nameJa, name_en = :nameEn, display_order = :order, retired = :retired"
            + (list.hinted() ? ", hint_ja = :hintJa, hint_en = :hintEn" : "");
    bind(jdbc.sql("update %s set %s where code = :code".formatted(list.table(), set)), list, entry)
        .update();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, TaxonomyList list, Option entry) {
    statement
        .param("code", entry.code())
        .param("nameJa", entry.name().ja())
        .param("nameEn", entry.name().en())
        .param("order", entry.order())
        .param("retired", entry.retired());
    if (list.grouped()) {
      statement.param("group", entry.group());
    }
    if (list.hinted()) {
      statement.param("hintJa", entry.hintJa()).param("hintEn", entry.hintEn());
    }
    return statement;
  }

  /** The sector's verification level, if it has one. */
  Optional<LocalizedText> verificationLevel(SectorId sector) {
    return jdbc.sql(
            """
            select description_ja, description_en from sector_level
            where sector_id = :sector and kind = 'VERIFICATION'
            """)
        .param("sector", sector.value())
        .query(
            (rs, i) ->
                new LocalizedText(rs.getString("description_ja"), rs.getString("description_en")))
        .optional();
  }

  static Set<String> codes(List<Option> options) {
    return options.stream().map(Option::code).collect(Collectors.toSet());
  }

  /** The entries still offered for new reports and versions. */
  static List<Option> offered(List<Option> options) {
    return options.stream().filter(o -> !o.retired()).toList();
  }

  /** The entries by group, in the order they come; a group without entries is left out. */
  static Map<String, List<Option>> byGroup(List<Option> options) {
    Map<String, List<Option>> groups = new LinkedHashMap<>();
    options.forEach(o -> groups.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o));
    return groups;
  }

  static Optional<Option> find(List<Option> options, String code) {
    return options.stream().filter(o -> o.code().equals(code)).findFirst();
  }
}
