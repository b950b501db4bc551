package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.mamori.exchange.TaxiiHttp.TAXII;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.TaxiiHttp.Reply;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * TAXII 2.1 section 5.3 (get object manifests): one record per version with its date added, version
 * and media type, filtered and paged as objects are.
 */
@MamoriTest
class TaxiiManifestConformanceTest {

  static final String V1 = "2026-07-01T00:00:00.000Z";
  static final String V2 = "2026-07-02T00:00:00.000Z";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiHttp taxii;
  Member water;
  UUID collection;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    TaxiiFixtures fixtures = new TaxiiFixtures(mvc, people, collections);
    water = fixtures.member("minamikawa-water", "reporter");
    collection =
        fixtures.collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
  }

  @Test
  void eachRecordGivesTheVersionsIdDateAddedVersionAndMediaType() {
    String id = newId("indicator");
    add(indicator(id, V1));

    Reply reply = taxii.get(water.token(), TaxiiHttp.manifest(collection));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    JsonNode record = reply.json().get("objects").get(0);
    assertThat(record.get("id").asString()).isEqualTo(id);
    assertThat(record.get("version").asString()).isEqualTo(V1);
    assertThat(record.get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
    assertThat(record.get("date_added").asString())
        .matches(TaxiiObjectsConformanceTest.TAXII_TIMESTAMP);
    assertThat(reply.header(TaxiiHttp.FIRST)).hasValue(record.get("date_added").asString());
    assertThat(reply.header(TaxiiHttp.LAST)).hasValue(record.get("date_added").asString());
  }

  @Test
  void theManifestFiltersAndPagesAsObjectsDo() {
    String first = newId("indicator");
    String second = newId("indicator");
    add(indicator(first, V1), indicator(first, V2), indicator(second, V1));

    assertThat(taxii.get(water.token(), TaxiiHttp.manifest(collection)).ids())
        .containsExactly(first, second);
    assertThat(
            taxii.get(water.token(), TaxiiHttp.manifest(collection) + "?match[version]=all").ids())
        .containsExactly(first, first, second);
    assertThat(
            taxii.get(water.token(), TaxiiHttp.manifest(collection) + "?match[id]=" + second).ids())
        .containsExactly(second);
    assertThat(
            taxii
                .get(water.token(), TaxiiHttp.manifest(collection) + "?match[type]=identity")
                .ids())
        .isEmpty();
    Reply page =
        taxii.get(water.token(), TaxiiHttp.manifest(collection) + "?match[version]=all&limit=1");
    assertThat(page.ids()).containsExactly(first);
    assertThat(page.json().get("more").asBoolean()).isTrue();
    Reply rest =
        taxii.get(
            water.token(),
            TaxiiHttp.manifest(collection)
                + "?match[version]=all&added_after="
                + page.header(TaxiiHttp.LAST).orElseThrow());
    assertThat(rest.ids()).containsExactly(first, second);
  }

  private void add(String... objects) {
    Reply reply = taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(objects));
    assertThat(reply.json().get("success_count").asInt()).isEqualTo(objects.length);
  }
}
