package org.mamori.directory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A candidate's weighted total: Σ weight × score out of Σ weight × maximum score, over every
 * criterion. A criterion not scored yet counts as 0 points, so candidates are always compared on
 * the same maximum, however far their scoring has got.
 *
 * @param points Σ weight × score
 * @param maximum Σ weight × maximum score; 0 when every weight is 0
 * @param scored how many criteria have a score
 * @param criteria how many criteria there are
 */
record CandidateWeightedScore(BigDecimal points, BigDecimal maximum, int scored, int criteria) {

  /** What the total needs of a criterion. */
  record Criterion(String code, BigDecimal weight, int maxScore) {}

  /**
   * @param scores score by criterion code; codes of unknown criteria are ignored
   */
  static CandidateWeightedScore of(Collection<Criterion> criteria, Map<String, Integer> scores) {
    BigDecimal points = BigDecimal.ZERO;
    BigDecimal maximum = BigDecimal.ZERO;
    int scored = 0;
    for (Criterion criterion : criteria) {
      maximum = maximum.add(criterion.weight().multiply(BigDecimal.valueOf(criterion.maxScore())));
      Integer score = scores.get(criterion.code());
      if (score != null) {
        points = points.add(criterion.weight().multiply(BigDecimal.valueOf(score)));
        scored++;
      }
    }
    return new CandidateWeightedScore(points, maximum, scored, criteria.size());
  }

  /** The total as a whole percentage (half up), or null when the maximum is 0. */
  public @Nullable Integer percent() {
    if (maximum.signum() == 0) {
      return null;
    }
    return points
        .multiply(BigDecimal.valueOf(100))
        .divide(maximum, 0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  /** Points as people write them: 7.5, 12, never 12.000. */
  public String pointsText() {
    return plain(points);
  }

  public String maximumText() {
    return plain(maximum);
  }

  /** For ordering candidates: the share of the maximum reached, 0 when there is no maximum. */
  BigDecimal share() {
    return maximum.signum() == 0
        ? BigDecimal.ZERO
        : points.divide(maximum, 6, RoundingMode.HALF_UP);
  }

  static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
