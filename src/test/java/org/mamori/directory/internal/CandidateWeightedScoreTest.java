package org.mamori.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateWeightedScoreTest {

  private static CandidateWeightedScore.Criterion criterion(String code, String weight, int max) {
    return new CandidateWeightedScore.Criterion(code, new BigDecimal(weight), max);
  }

  @Test
  void theTotalIsTheWeightedSumOverTheWeightedMaximum() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(
            List.of(criterion("impact", "2", 3), criterion("scale", "1", 5)),
            Map.of("impact", 3, "scale", 1));

    // 2×3 + 1×1 = 7 out of 2×3 + 1×5 = 11
    assertThat(total.pointsText()).isEqualTo("7");
    assertThat(total.maximumText()).isEqualTo("11");
    assertThat(total.percent()).isEqualTo(64);
    assertThat(total.scored()).isEqualTo(total.criteria()).isEqualTo(2);
  }

  @Test
  void aCriterionNotScoredYetCountsAsZeroButKeepsItsShareOfTheMaximum() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(
            List.of(criterion("impact", "1", 3), criterion("scale", "1", 3)), Map.of("impact", 3));

    assertThat(total.pointsText()).isEqualTo("3");
    assertThat(total.maximumText()).isEqualTo("6");
    assertThat(total.percent()).isEqualTo(50);
    assertThat(total.scored()).isEqualTo(1);
    assertThat(total.criteria()).isEqualTo(2);
  }

  @Test
  void nothingScoredIsZeroPercentOfTheFullMaximum() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(List.of(criterion("impact", "1", 3)), Map.of());

    assertThat(total.pointsText()).isEqualTo("0");
    assertThat(total.maximumText()).isEqualTo("3");
    assertThat(total.percent()).isZero();
  }

  @Test
  void fractionalWeightsArePrintedWithoutTrailingZeros() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(
            List.of(criterion("impact", "0.50", 3), criterion("scale", "1.50", 2)),
            Map.of("impact", 3, "scale", 2));

    assertThat(total.pointsText()).isEqualTo("4.5");
    assertThat(total.maximumText()).isEqualTo("4.5");
    assertThat(total.percent()).isEqualTo(100);
  }

  @Test
  void aCriterionWeighingZeroCountsForNothing() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(
            List.of(criterion("impact", "1", 4), criterion("ignored", "0", 10)),
            Map.of("impact", 2, "ignored", 10));

    assertThat(total.pointsText()).isEqualTo("2");
    assertThat(total.maximumText()).isEqualTo("4");
    assertThat(total.percent()).isEqualTo(50);
  }

  @Test
  void withEveryWeightAtZeroThereIsNoPercentage() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(List.of(criterion("impact", "0", 3)), Map.of("impact", 3));

    assertThat(total.percent()).isNull();
    assertThat(total.share()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void percentagesRoundHalfUp() {
    // 1 out of 8 is 12.5%
    CandidateWeightedScore total =
        CandidateWeightedScore.of(List.of(criterion("impact", "1", 8)), Map.of("impact", 1));

    assertThat(total.percent()).isEqualTo(13);
  }

  @Test
  void scoresOnUnknownCriteriaAreIgnored() {
    CandidateWeightedScore total =
        CandidateWeightedScore.of(
            List.of(criterion("impact", "1", 3)), Map.of("impact", 1, "retired", 3));

    assertThat(total.pointsText()).isEqualTo("1");
    assertThat(total.scored()).isEqualTo(1);
  }

  @Test
  void candidatesCompareByShareOfTheirMaximum() {
    List<CandidateWeightedScore.Criterion> criteria = List.of(criterion("impact", "1", 4));
    CandidateWeightedScore higher = CandidateWeightedScore.of(criteria, Map.of("impact", 3));
    CandidateWeightedScore lower = CandidateWeightedScore.of(criteria, Map.of("impact", 1));

    assertThat(higher.share()).isGreaterThan(lower.share());
  }
}
