package org.mamori.exchange.internal.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mamori.exchange.internal.store.Cursor;
import org.mamori.exchange.internal.store.ObjectFilter.VersionSelection;
import org.mamori.exchange.internal.taxii.TaxiiQuery.Endpoint;
import org.springframework.http.HttpStatus;

class TaxiiQueryTest {

  @Test
  void withoutParametersTheLastVersionOfEverythingComesInServerSizedPages() {
    TaxiiQuery query = TaxiiQuery.of(Map.of(), Endpoint.OBJECTS, null, 1000);

    assertThat(query.limit()).isEqualTo(1000);
    assertThat(query.after()).isNull();
    assertThat(query.filter().addedAfter()).isNull();
    assertThat(query.filter().ids()).isNull();
    assertThat(query.filter().types()).isNull();
    assertThat(query.filter().specVersions()).isNull();
    assertThat(query.filter().versions()).isEqualTo(VersionSelection.LAST);
  }

  @Test
  void filtersAreReadAsTaxiiWritesThem() {
    Cursor cursor = new Cursor(Instant.parse("2026-01-01T00:00:00.123456Z"), 42);
    TaxiiQuery query =
        TaxiiQuery.of(
            Map.of(
                "added_after", new String[] {"2026-01-01T00:00:00.5Z"},
                "limit", new String[] {"20"},
                "next", new String[] {cursor.token()},
                "match[id]", new String[] {"indicator--a,indicator--b"},
                "match[type]", new String[] {"indicator"},
                "match[spec_version]", new String[] {"2.0,2.1"},
                "match[version]", new String[] {"first,2026-02-01T00:00:00Z"},
                "match[unknown]", new String[] {"ignored"}),
            Endpoint.OBJECTS,
            null,
            1000);

    assertThat(query.filter().addedAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.after()).isEqualTo(cursor);
    assertThat(query.filter().ids()).containsExactly("indicator--a", "indicator--b");
    assertThat(query.filter().types()).containsExactly("indicator");
    assertThat(query.filter().specVersions()).containsExactly("2.0", "2.1");
    assertThat(query.filter().versions())
        .isEqualTo(
            new VersionSelection(
                false, true, false, List.of(Instant.parse("2026-02-01T00:00:00Z"))));
  }

  @Test
  void theEndpointsOfOneObjectTakeTheIdFromThePathAndVersionsListThemAll() {
    TaxiiQuery object =
        TaxiiQuery.of(
            Map.of("match[id]", new String[] {"other--x"}), Endpoint.OBJECT, "indicator--a", 10);
    TaxiiQuery versions = TaxiiQuery.of(Map.of(), Endpoint.VERSIONS, "indicator--a", 10);
    TaxiiQuery delete = TaxiiQuery.of(Map.of(), Endpoint.DELETE, "indicator--a", 10);

    assertThat(object.filter().ids()).containsExactly("indicator--a");
    assertThat(object.filter().versions()).isEqualTo(VersionSelection.LAST);
    assertThat(versions.filter().versions()).isEqualTo(VersionSelection.ALL);
    assertThat(delete.filter().versions()).isEqualTo(VersionSelection.ALL);
  }

  @Test
  void aLimitIsCappedAtTheServersPageSize() {
    assertThat(
            TaxiiQuery.of(Map.of("limit", new String[] {"5000"}), Endpoint.OBJECTS, null, 1000)
                .limit())
        .isEqualTo(1000);
  }

  @Test
  void malformedOrRepeatedParametersAreBadRequests() {
    for (Map<String, String[]> parameters :
        List.of(
            Map.of("added_after", new String[] {"2026-01-01"}),
            Map.of("added_after", new String[] {"2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"}),
            Map.of("limit", new String[] {"0"}),
            Map.of("limit", new String[] {"99999999999"}),
            Map.of("next", new String[] {"abc"}),
            Map.of("match[version]", new String[] {"all,last"}),
            Map.of("match[version]", new String[] {"first,first"}),
            Map.of("match[spec_version]", new String[] {"latest"}),
            Map.of("match[id]", new String[] {"a,"}))) {
      assertThatThrownBy(() -> TaxiiQuery.of(parameters, Endpoint.OBJECTS, null, 1000))
          .isInstanceOfSatisfying(
              TaxiiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
  }
}
