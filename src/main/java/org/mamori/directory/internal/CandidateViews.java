package org.mamori.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models for the candidate-sector review's pages. */
@Component
class CandidateViews {

  private final JdbcClient jdbc;
  private final Candidates candidates;
  private final CandidateCriteria criteria;
  private final Organisations organisations;
  private final Sectors sectors;
  private final People people;

  CandidateViews(
      JdbcClient jdbc,
      Candidates candidates,
      CandidateCriteria criteria,
      Organisations organisations,
      Sectors sectors,
      People people) {
    this.jdbc = jdbc;
    this.candidates = candidates;
    this.criteria = criteria;
    this.organisations = organisations;
    this.sectors = sectors;
    this.people = people;
  }

  /** A candidate in the list. */
  record CandidateRow(
      UUID id,
      String nameJa,
      String nameEn,
      CandidateStage stage,
      @Nullable String ministryJa,
      @Nullable String ministryEn,
      @Nullable LocalDate lastStepOn,
      CandidateWeightedScore score) {

    public String name(Locale locale) {
      return DirectoryViews.pick(locale, nameJa, nameEn);
    }

    public String ministry(Locale locale) {
      return ministryJa == null ? "" : DirectoryViews.pick(locale, ministryJa, ministryEn);
    }
  }

  /**
   * Every candidate: those still under review first, the highest weighted score first among them,
   * so the list reads as the narrowing-down it supports (追加候補の絞り込み).
   */
  List<CandidateRow> candidates() {
    List<CandidateWeightedScore.Criterion> weightings =
        criteria.findAllInOrder().stream().map(CandidateCriterion::weighting).toList();
    Map<UUID, Map<String, Integer>> scores = new HashMap<>();
    jdbc.sql("select candidate_id, criterion_code, score from candidate_score")
        .query(
            rs -> {
              scores
                  .computeIfAbsent(rs.getObject("candidate_id", UUID.class), k -> new HashMap<>())
                  .put(rs.getString("criterion_code"), rs.getInt("score"));
            });
    List<CandidateRow> rows =
        jdbc.sql(
                """
                select c.id, c.name_ja, c.name_en, c.stage,
                       m.name_ja as ministry_ja, m.name_en as ministry_en,
                       (select max(h.occurred_on) from candidate_stage_change h
                         where h.candidate_id = c.id) as last_step_on
                from candidate_sector c left join organisation m on m.id = c.responsible_ministry
                order by c.name_ja, c.id
                """)
            .query(
                (rs, i) -> {
                  UUID id = rs.getObject("id", UUID.class);
                  return new CandidateRow(
                      id,
                      rs.getString("name_ja"),
                      rs.getString("name_en"),
                      CandidateStage.valueOf(rs.getString("stage")),
                      rs.getString("ministry_ja"),
                      rs.getString("ministry_en"),
                      rs.getObject("last_step_on", LocalDate.class),
                      CandidateWeightedScore.of(weightings, scores.getOrDefault(id, Map.of())));
                })
            .list();
    List<CandidateRow> ordered = new ArrayList<>(rows);
    ordered.sort(
        Comparator.comparing((CandidateRow r) -> r.stage().hasEnded())
            .thenComparing(r -> r.score().share(), Comparator.reverseOrder()));
    return ordered;
  }

  Optional<CandidatePage> page(UUID id) {
    return candidates.findById(id).map(this::page);
  }

  List<CandidatePage.CriterionLine> criteria() {
    return criteria.findAllInOrder().stream()
        .map(c -> CandidatePage.CriterionLine.of(c, null))
        .toList();
  }

  private CandidatePage page(CandidateSector candidate) {
    List<CandidateCriterion> all = criteria.findAllInOrder();
    Map<String, CandidateScore> scores = candidate.scores();
    Map<String, Integer> points = new HashMap<>();
    scores.forEach((code, s) -> points.put(code, s.score()));

    LocalizedText ministry =
        candidate.responsibleMinistry() == null
            ? null
            : organisations
                .findById(candidate.responsibleMinistry().value())
                .map(Organisation::name)
                .orElse(null);
    Sector sector =
        candidate.designatedSector() == null
            ? null
            : sectors.findById(candidate.designatedSector().value()).orElse(null);

    List<CandidateStageChange> history = candidate.history();
    Map<UUID, String> names = new HashMap<>();
    people
        .findAllById(history.stream().map(CandidateStageChange::changedBy).distinct().toList())
        .forEach(p -> names.put(p.id().value(), p.displayName()));

    Map<CandidateStage, LocalDate> reached = new HashMap<>();
    history.forEach(h -> reached.put(h.toStage(), h.occurredOn()));

    return new CandidatePage(
        candidate.id(),
        candidate.name(),
        candidate.description(),
        candidate.responsibleMinistry() == null ? null : candidate.responsibleMinistry().value(),
        ministry,
        candidate.stage(),
        sector == null ? null : sector.code(),
        sector == null ? null : sector.name(),
        all.stream().map(c -> CandidatePage.CriterionLine.of(c, scores.get(c.code()))).toList(),
        CandidateWeightedScore.of(all.stream().map(CandidateCriterion::weighting).toList(), points),
        CandidateStage.PIPELINE.stream()
            .map(s -> new CandidatePage.StageMark(s, s == candidate.stage(), reached.get(s)))
            .toList(),
        history.stream()
            .map(
                h ->
                    new CandidatePage.StepLine(
                        h.occurredOn(),
                        h.fromStage(),
                        h.toStage(),
                        names.getOrDefault(h.changedBy(), ""),
                        h.changedAt(),
                        h.note()))
            .toList());
  }
}
