package org.mamori.situation.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mamori.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recognition rules, in display order. Read afresh on every evaluation, so an administrator's
 * change applies to the next report weighed.
 */
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

  Optional<RecognitionRule> find(String code) {
    return all().stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** Saves an administrator's edit: names, thresholds, proposed level, on or off. */
  void update(RecognitionRule rule) {
    jdbc.sql(
            """
            update recognition_rule
            set name_ja = :ja, name_en = :en, min_sectors = :sectors, min_reports = :reports,
                window_minutes = :window, proposed_level = :level, enabled = :enabled
            where code = :code
            """)
        .param("ja", rule.name().ja())
        .param("en", rule.name().en())
        .param("sectors", rule.minSectors())
        .param("reports", rule.minReports())
        .param("window", Math.toIntExact(rule.window().toMinutes()))
        .param("level", rule.proposedLevel())
        .param("enabled", rule.enabled())
        .param("code", rule.code())
        .update();
  }

  List<RecognitionRule> enabled() {
    return all().stream().filter(RecognitionRule::enabled).toList();
  }
}
