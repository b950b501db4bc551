package org.mamori.situation.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The situation levels, lowest first. */
@Component
class SituationLevels {

  private static final String COLUMNS =
      "select code, rank, name_ja, name_en, follow_up_minutes, two_person from situation_level";

  private final JdbcClient jdbc;

  SituationLevels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SituationLevel> all() {
    return jdbc.sql(COLUMNS + " order by rank")
        .query(
            (rs, i) ->
                new SituationLevel(
                    rs.getString("code"),
                    rs.getInt("rank"),
                    new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                    rs.getObject("follow_up_minutes", Integer.class),
                    rs.getBoolean("two_person")))
        .list();
  }

  Optional<SituationLevel> find(String code) {
    return all().stream().filter(l -> l.code().equals(code)).findFirst();
  }

  SituationLevel get(String code) {
    return find(code)
        .orElseThrow(() -> new SituationRuleViolation("situation.rule.level.unknown").on("level"));
  }

  void update(
      String code, LocalizedText name, @Nullable Integer followUpMinutes, boolean twoPerson) {
    jdbc.sql(
            """
            update situation_level
            set name_ja = :ja, name_en = :en, follow_up_minutes = :followUp, two_person = :twoPerson
            where code = :code
            """)
        .param("ja", name.ja())
        .param("en", name.en())
        .param("followUp", followUpMinutes)
        .param("twoPerson", twoPerson)
        .param("code", code)
        .update();
  }
}
