package org.mamori.sharing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The report taxonomy and sector levels, read from their reference tables. */
@Component
class Taxonomy {

  private final JdbcClient jdbc;

  Taxonomy(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One choice of a taxonomy, with a plain-words hint. */
  record Option(String code, String group, LocalizedText name, String hintJa, String hintEn) {

    public String hint(Locale locale) {
      return "en".equals(locale.getLanguage()) && !hintEn.isBlank() ? hintEn : hintJa;
    }
  }

  List<Option> eventTypes() {
    return jdbc.sql(
            """
            select code, threat_group, name_ja, name_en, hint_ja, hint_en from event_type
            order by display_order
            """)
        .query(
            (rs, i) ->
                new Option(
                    rs.getString("code"),
                    rs.getString("threat_group"),
                    new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                    rs.getString("hint_ja"),
                    rs.getString("hint_en")))
        .list();
  }

  List<Option> causes() {
    return jdbc.sql("select code, cause_group, name_ja, name_en from cause order by display_order")
        .query(
            (rs, i) ->
                new Option(
                    rs.getString("code"),
                    rs.getString("cause_group"),
                    new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                    "",
                    ""))
        .list();
  }

  List<Option> impacts() {
    return jdbc.sql(
            "select code, name_ja, name_en, hint_ja, hint_en from impact order by display_order")
        .query(
            (rs, i) ->
                new Option(
                    rs.getString("code"),
                    "",
                    new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                    rs.getString("hint_ja"),
                    rs.getString("hint_en")))
        .list();
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
}
