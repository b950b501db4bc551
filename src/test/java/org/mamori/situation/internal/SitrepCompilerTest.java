package org.mamori.situation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;
import org.mamori.sharing.ReportSummary;

class SitrepCompilerTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final SectorSummary POWER =
      new SectorSummary(new SectorId(UUID.randomUUID()), "electricity", text("電力"), 1);
  private static final SectorSummary WATER =
      new SectorSummary(new SectorId(UUID.randomUUID()), "water", text("水道"), 2);
  private static final OrganisationId UTILITY = new OrganisationId(UUID.randomUUID());
  private static final SitrepCompiler.Names NAMES =
      new SitrepCompiler.Names(
          List.of(POWER, WATER), text("分野なし"), s -> text(s.name()), r -> text(r));

  @Test
  void countsBySectorStageResponseAndImpact() {
    var figures =
        SitrepCompiler.compile(
            List.of(
                read("R1", WATER, ReportStage.FIRST, "stopped", "INVESTIGATING", T0, T0),
                read("R2", WATER, ReportStage.FOLLOW_UP, "stopped", "CONTAINED", T0, T0),
                read("R3", POWER, ReportStage.FINAL, "degraded", "RECOVERED", T0, T0)),
            2,
            List.of(),
            null,
            null,
            T0.plusSeconds(60),
            NAMES);
    assertThat(figures.reports()).isEqualTo(3);
    assertThat(figures.unreadable()).isEqualTo(2);
    assertThat(figures.bySector())
        .extracting(SitrepFigures.Count::code, SitrepFigures.Count::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("electricity", 1),
            org.assertj.core.groups.Tuple.tuple("water", 2));
    assertThat(figures.byStage()).extracting(SitrepFigures.Count::count).containsExactly(1, 1, 1);
    assertThat(figures.byImpact())
        .extracting(SitrepFigures.Count::code)
        .containsExactly("stopped", "degraded");
    assertThat(figures.newReports()).extracting(SitrepFigures.Line::reference).hasSize(3);
  }

  @Test
  void newSinceThePreviousSitrepSplitsNewFromUpdatedAndKeepsLaterLevelChangesOnly() {
    Instant previous = T0.plus(Duration.ofHours(1));
    var figures =
        SitrepCompiler.compile(
            List.of(
                read("R1", WATER, ReportStage.FIRST, "stopped", "INVESTIGATING", T0, T0),
                read(
                    "R2",
                    WATER,
                    ReportStage.FOLLOW_UP,
                    "stopped",
                    "CONTAINED",
                    T0,
                    previous.plusSeconds(1)),
                read(
                    "R3",
                    POWER,
                    ReportStage.FIRST,
                    "stopped",
                    "INVESTIGATING",
                    previous.plusSeconds(5),
                    previous.plusSeconds(5)),
                read(
                    "R4",
                    POWER,
                    ReportStage.FIRST,
                    "stopped",
                    "INVESTIGATING",
                    previous,
                    previous)),
            0,
            List.of(
                new SitrepFigures.LevelStep(T0, null, text("障害")),
                new SitrepFigures.LevelStep(previous.plusSeconds(9), text("障害"), text("攻撃"))),
            1,
            previous,
            previous.plusSeconds(60),
            NAMES);
    assertThat(figures.newReports())
        .extracting(SitrepFigures.Line::reference)
        .containsExactly("R3");
    assertThat(figures.updatedReports())
        .extracting(SitrepFigures.Line::reference)
        .containsExactly("R2");
    assertThat(figures.levelChanges()).hasSize(1);
    assertThat(figures.levelChanges().get(0).to().ja()).isEqualTo("攻撃");
  }

  @Test
  void aFollowUpIsOwedOnlyAfterTheIntervalAndNeverForAFinalReport() {
    Duration hour = Duration.ofHours(1);
    Instant now = T0.plus(hour);
    var owed =
        SituationRoomParts.overdue(
            List.of(
                summary("exactly", WATER, ReportStage.FIRST, "stopped", "INVESTIGATING", T0),
                summary(
                    "late",
                    WATER,
                    ReportStage.FOLLOW_UP,
                    "stopped",
                    "CONTAINED",
                    T0.minusSeconds(1)),
                summary(
                    "final",
                    WATER,
                    ReportStage.FINAL,
                    "stopped",
                    "RECOVERED",
                    T0.minusSeconds(99))),
            hour,
            now);
    assertThat(owed).extracting(SituationRoomParts.Overdue::reference).containsExactly("late");
    assertThat(owed.get(0).dueAt()).isEqualTo(now.minusSeconds(1));
  }

  private static ScopeReports.Read read(
      String ref,
      SectorSummary sector,
      ReportStage stage,
      String impact,
      String response,
      Instant added,
      Instant released) {
    return new ScopeReports.Read(summary(ref, sector, stage, impact, response, released), added);
  }

  private static ReportSummary summary(
      String ref,
      SectorSummary sector,
      ReportStage stage,
      String impact,
      String response,
      Instant released) {
    return new ReportSummary(
        UUID.randomUUID(),
        ref,
        UTILITY,
        sector.id(),
        stage,
        Tlp.AMBER,
        released,
        "",
        impact,
        text(impact),
        response,
        Set.of(),
        false,
        List.of());
  }

  private static LocalizedText text(String ja) {
    return new LocalizedText(ja, ja);
  }
}
