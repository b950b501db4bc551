package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.mamori.exchange.TaxiiHttp.TAXII;

import java.util.ArrayList;
import java.util.List;
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

/** TAXII 2.1 section 5.8 (get object versions): every version, oldest added first, paged. */
@MamoriTest
class TaxiiVersionsConformanceTest {

  static final String V1 = "2026-06-01T00:00:00.000Z";
  static final String V2 = "2026-06-02T00:00:00.000Z";
  static final String V3 = "2026-06-03T00:00:00.000Z";

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
  void everyVersionIsListedInTheOrderItWasAdded() {
    String id = newId("indicator");
    add(indicator(id, V1));
    add(indicator(id, V3));
    add(indicator(id, V2));

    Reply reply = taxii.get(water.token(), TaxiiHttp.versions(collection, id));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    assertThat(versions(reply)).containsExactly(V1, V3, V2);
    assertThat(reply.header(TaxiiHttp.FIRST)).isPresent();
    assertThat(reply.header(TaxiiHttp.LAST)).isPresent();
    assertThat(reply.json().path("more").asBoolean(true)).isFalse();
  }

  @Test
  void versionsArePagedWithLimitAndNext() {
    String id = newId("indicator");
    add(indicator(id, V1), indicator(id, V2), indicator(id, V3));

    Reply first = taxii.get(water.token(), TaxiiHttp.versions(collection, id) + "?limit=2");
    Reply second =
        taxii.get(
            water.token(),
            TaxiiHttp.versions(collection, id)
                + "?limit=2&next="
                + first.json().get("next").asString());

    assertThat(versions(first)).containsExactly(V1, V2);
    assertThat(first.json().get("more").asBoolean()).isTrue();
    assertThat(versions(second)).containsExactly(V3);
    assertThat(second.json().get("more").asBoolean()).isFalse();
  }

  @Test
  void addedAfterListsOnlyVersionsAddedLater() {
    String id = newId("indicator");
    add(indicator(id, V1));
    String firstAdded =
        taxii
            .get(water.token(), TaxiiHttp.versions(collection, id))
            .header(TaxiiHttp.LAST)
            .orElseThrow();
    add(indicator(id, V2));

    Reply reply =
        taxii.get(water.token(), TaxiiHttp.versions(collection, id) + "?added_after=" + firstAdded);

    assertThat(versions(reply)).containsExactly(V2);
  }

  @Test
  void theVersionsOfAnUnknownObjectAreNotFound() {
    Reply reply = taxii.get(water.token(), TaxiiHttp.versions(collection, newId("indicator")));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo(TAXII);
  }

  private void add(String... objects) {
    Reply reply = taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(objects));
    assertThat(reply.json().get("success_count").asInt()).isEqualTo(objects.length);
  }

  private static List<String> versions(Reply reply) {
    List<String> versions = new ArrayList<>();
    reply.json().path("versions").forEach(v -> versions.add(v.asString()));
    return versions;
  }
}
