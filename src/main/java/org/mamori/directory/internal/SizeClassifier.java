package org.mamori.directory.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.SizeClass;
import org.springframework.stereotype.Component;

/**
 * An operator's size class: the one set explicitly, else what its sector's SME thresholds give (the
 * default thresholds for a sector without its own).
 */
@Component
class SizeClassifier {

  private final SizeThresholds thresholds;

  SizeClassifier(SizeThresholds thresholds) {
    this.thresholds = thresholds;
  }

  @Nullable SizeClass classify(Organisation organisation) {
    if (organisation.explicitSizeClass() != null) {
      return organisation.explicitSizeClass();
    }
    UUID sector = organisation.sector() == null ? null : organisation.sector().value();
    return thresholdFor(thresholds.findAll(), sector)
        .classify(organisation.employees(), organisation.capitalYen());
  }

  static SizeThreshold thresholdFor(List<SizeThreshold> all, @Nullable UUID sector) {
    SizeThreshold fallback = new SizeThreshold(new UUID(0, 0), null, null, null);
    for (SizeThreshold threshold : all) {
      if (sector != null && sector.equals(threshold.sectorId())) {
        return threshold;
      }
      if (threshold.sectorId() == null) {
        fallback = threshold;
      }
    }
    return fallback;
  }
}
