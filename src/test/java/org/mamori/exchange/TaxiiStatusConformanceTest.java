package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.mamori.exchange.TaxiiHttp.ROOT;
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

/** TAXII 2.1 section 4.3 (get status): the status of a request that added objects, by its id. */
@MamoriTest
class TaxiiStatusConformanceTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiHttp taxii;
  TaxiiFixtures fixtures;
  Member water;
  UUID collection;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    fixtures = new TaxiiFixtures(mvc, people, collections);
    water = fixtures.member("minamikawa-water", "reporter");
    collection =
        fixtures.collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
  }

  @Test
  void theStatusOfARequestCanBeReadAgainByItsId() {
    Reply posted =
        taxii.post(
            water.token(),
            TaxiiHttp.objects(collection),
            envelope(indicator(newId("indicator"), "2026-04-01T00:00:00.000Z"), "{}"));
    String id = posted.json().get("id").asString();

    Reply status = taxii.get(water.token(), ROOT + "status/" + id + "/");

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.contentType()).isEqualTo(TAXII);
    assertThat(status.json()).isEqualTo(posted.json());
    assertThat(status.json().get("status").asString()).isEqualTo("complete");
    assertThat(status.json().get("success_count").asInt()).isEqualTo(1);
    assertThat(status.json().get("failure_count").asInt()).isEqualTo(1);
  }

  @Test
  void onlyThePersonWhoPostedMaySeeTheStatus() throws Exception {
    Member colleague = fixtures.member("minamikawa-water", "reporter");
    String id =
        taxii
            .post(
                water.token(),
                TaxiiHttp.objects(collection),
                envelope(indicator(newId("indicator"), "2026-04-01T00:00:00.000Z")))
            .json()
            .get("id")
            .asString();

    Reply reply = taxii.get(colleague.token(), ROOT + "status/" + id + "/");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo(TAXII);
  }

  @Test
  void anUnknownOrMalformedStatusIdIsNotFound() {
    assertThat(taxii.get(water.token(), ROOT + "status/" + UUID.randomUUID() + "/").status())
        .isEqualTo(404);
    assertThat(taxii.get(water.token(), ROOT + "status/1-1-1-1-1/").status()).isEqualTo(404);
  }
}
