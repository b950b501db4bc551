package org.mamori.exchange.internal.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxiiMediaTest {

  @Test
  void aTaxii21MediaRangeWithOrWithoutVersionIsAcceptable() {
    assertThat(TaxiiMedia.acceptable(List.of("application/taxii+json;version=2.1"))).isTrue();
    assertThat(TaxiiMedia.acceptable(List.of("application/taxii+json"))).isTrue();
    assertThat(TaxiiMedia.acceptable(List.of("Application/TAXII+JSON; version=2.1"))).isTrue();
    assertThat(
            TaxiiMedia.acceptable(
                List.of("application/json", "application/taxii+json;version=2.1;q=0.1")))
        .isTrue();
  }

  @Test
  void otherVersionsWildcardsRefusedRangesAndGarbageAreNot() {
    assertThat(TaxiiMedia.acceptable(List.of())).isFalse();
    assertThat(TaxiiMedia.acceptable(List.of("*/*"))).isFalse();
    assertThat(TaxiiMedia.acceptable(List.of("application/*"))).isFalse();
    assertThat(TaxiiMedia.acceptable(List.of("application/taxii+json;version=2.0"))).isFalse();
    assertThat(TaxiiMedia.acceptable(List.of("application/taxii+json;q=0"))).isFalse();
    assertThat(TaxiiMedia.acceptable(List.of("not a media type ;;"))).isFalse();
  }

  @Test
  void aPostedBodyMustBeTaxii21Json() {
    assertThat(TaxiiMedia.isTaxiiContent("application/taxii+json;version=2.1")).isTrue();
    assertThat(TaxiiMedia.isTaxiiContent("application/taxii+json; charset=utf-8")).isTrue();
    assertThat(TaxiiMedia.isTaxiiContent("application/taxii+json;version=2.0")).isFalse();
    assertThat(TaxiiMedia.isTaxiiContent("application/json")).isFalse();
    assertThat(TaxiiMedia.isTaxiiContent(null)).isFalse();
  }
}
