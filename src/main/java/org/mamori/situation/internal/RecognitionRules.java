package org.mamori.situation.internal;

import java.time.Duration;
import java.util.List;
import org.mamori.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The recognition rules, in display order. */
@Component
class RecognitionRules {

  private final JdbcClient jdbc;

  RecognitionRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<RecognitionRule> all() {
    return jdbc.sql(
            """
            select code, kind, name_ja, name_en, min_sectors, min_reports, window_minutes,
                   proposed_level, enabled
            from recognition_rule order by display_order, code
            """)
        .query(
            (rs, i) ->
                new RecognitionRule(
                    rs.getString("code"),
                    RecognitionRule.Kind.valueOf(rs.getString("kind")),
                    new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                    rs.getInt("min_sectors"),
                    rs.getInt("min_reports"),
                    Duration.ofMinutes(rs.getInt("window_minutes")),
                    rs.getString("proposed_level"),
                    rs.getBoolean("enabled")))
        .list();
  }

  List<RecognitionRule> enabled() {
    return all().stream().filter(RecognitionRule::enabled).toList();
  }
}
