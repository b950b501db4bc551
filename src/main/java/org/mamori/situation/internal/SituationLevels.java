package org.mamori.situation.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The situation levels, lowest first. */
@Component
class SituationLevels {

  private static final String COLUMNS =
      """
      select code, rank, name_ja, name_en, follow_up_minutes, two_person, joining_kinds,
             joining_organisations, acknowledgement, minimum_tlp
      from situation_level
      """;

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
                    rs.getBoolean("two_person"),
                    Arrays.stream((String[]) rs.getArray("joining_kinds").getArray())
                        .map(OrganisationKind::valueOf)
                        .collect(Collectors.toSet()),
                    Arrays.stream((UUID[]) rs.getArray("joining_organisations").getArray())
                        .map(OrganisationId::new)
                        .collect(Collectors.toSet()),
                    SituationLevel.Acknowledgement.valueOf(rs.getString("acknowledgement")),
                    Tlp.valueOf(rs.getString("minimum_tlp"))))
        .list();
  }

  Optional<SituationLevel> find(String code) {
    return all().stream().filter(l -> l.code().equals(code)).findFirst();
  }

  SituationLevel get(String code) {
    return find(code)
        .orElseThrow(() -> new SituationRuleViolation("situation.rule.level.unknown").on("level"));
  }

  /**
   * Saves a platform administrator's edit of a level: its names, rhythm, rule, posture and duties.
   */
  void update(SituationLevel level) {
    jdbc.sql(
            """
            update situation_level
            set name_ja = :ja, name_en = :en, follow_up_minutes = :followUp, two_person = :twoPerson,
                joining_kinds = cast(:kinds as text[]),
                joining_organisations = cast(:organisations as uuid[]),
                acknowledgement = :acknowledgement, minimum_tlp = :minimumTlp
            where code = :code
            """)
        .param("ja", level.name().ja())
        .param("en", level.name().en())
        .param("followUp", level.followUpMinutes())
        .param("twoPerson", level.twoPerson())
        .param(
            "kinds", level.joiningKinds().stream().map(Enum::name).sorted().toArray(String[]::new))
        .param(
            "organisations",
            level.joiningOrganisations().stream()
                .map(OrganisationId::toString)
                .sorted()
                .toArray(String[]::new))
        .param("acknowledgement", level.acknowledgement().name())
        .param("minimumTlp", level.minimumTlp().name())
        .param("code", level.code())
        .update();
  }
}
