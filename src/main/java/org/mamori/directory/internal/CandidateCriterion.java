package org.mamori.directory.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One question candidate sectors are scored on (1.1 追加候補の絞り込み): what a failure of the sector's
 * information or control systems would do, how it ties into existing sectors, whether it reinforces
 * one. Criteria are data; platform administrators edit their wording, weight and scale.
 */
@Table("candidate_criterion")
class CandidateCriterion {

  /** The seed's groups of criteria. */
  enum Group {
    INFORMATION_SYSTEM,
    CONTROL_SYSTEM,
    INTERDEPENDENCY,
    REINFORCEMENT
  }

  static final BigDecimal HEAVIEST = new BigDecimal("100");
  static final int LARGEST_SCALE = 10;

  private final @Id String code;
  private final Group criterionGroup;
  private String nameJa;
  private String nameEn;
  private String descriptionJa;
  private String descriptionEn;
  private BigDecimal weight;
  private int maxScore;
  private final int displayOrder;
  private @Version @Nullable Long version;

  @PersistenceCreator
  CandidateCriterion(
      String code,
      Group criterionGroup,
      String nameJa,
      String nameEn,
      String descriptionJa,
      String descriptionEn,
      BigDecimal weight,
      int maxScore,
      int displayOrder,
      @Nullable Long version) {
    this.code = code;
    this.criterionGroup = criterionGroup;
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.descriptionJa = descriptionJa;
    this.descriptionEn = descriptionEn;
    this.weight = weight;
    this.maxScore = maxScore;
    this.displayOrder = displayOrder;
    this.version = version;
  }

  /**
   * Rewords and reweighs the criterion.
   *
   * @param weight from 0 (counts for nothing) to {@link #HEAVIEST}
   * @param maxScore the top of the scale, from 1 to {@link #LARGEST_SCALE}; the caller makes sure
   *     no candidate already holds a higher score
   * @throws IllegalArgumentException if the weight or scale is out of range
   */
  void revise(
      LocalizedText name,
      String descriptionJa,
      String descriptionEn,
      BigDecimal weight,
      int maxScore) {
    if (weight.signum() < 0 || weight.compareTo(HEAVIEST) > 0) {
      throw new IllegalArgumentException("weight out of range: " + weight);
    }
    if (maxScore < 1 || maxScore > LARGEST_SCALE) {
      throw new IllegalArgumentException("scale out of range: " + maxScore);
    }
    this.nameJa = name.ja();
    this.nameEn = name.en();
    this.descriptionJa = descriptionJa.strip();
    this.descriptionEn = descriptionEn.strip();
    this.weight = weight;
    this.maxScore = maxScore;
  }

  CandidateWeightedScore.Criterion weighting() {
    return new CandidateWeightedScore.Criterion(code, weight, maxScore);
  }

  String code() {
    return code;
  }

  Group group() {
    return criterionGroup;
  }

  LocalizedText name() {
    return new LocalizedText(nameJa, nameEn);
  }

  String descriptionJa() {
    return descriptionJa;
  }

  String descriptionEn() {
    return descriptionEn;
  }

  BigDecimal weight() {
    return weight;
  }

  int maxScore() {
    return maxScore;
  }
}
