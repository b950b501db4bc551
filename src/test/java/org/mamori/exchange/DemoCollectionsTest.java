package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.mamori.exchange.TaxiiHttp.ROOT;

import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's two collections: every member reads the all-sector one, the hub adds to it; the
 * electric power sector's operators read their CEPTOAR's, other sectors do not see it.
 */
@MamoriTest
class DemoCollectionsTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  @Test
  void theHubSharesWithEveryoneThroughTheAllSectorCollection() throws Exception {
    TaxiiFixtures fixtures = new TaxiiFixtures(mvc, people, collections);
    Member hub = fixtures.member("national-hub", "analyst");
    Member water = fixtures.member("minamikawa-water", "reporter");
    TaxiiHttp taxii = new TaxiiHttp(port);
    String id = newId("indicator");

    TaxiiHttp.Reply posted =
        taxii.post(
            hub.token(),
            ROOT + "collections/all-sectors/objects/",
            envelope(indicator(id, "2026-09-01T00:00:00.000Z")));

    assertThat(posted.json().get("success_count").asInt()).isEqualTo(1);
    assertThat(taxii.get(water.token(), ROOT + "collections/all-sectors/objects/" + id + "/").ids())
        .containsExactly(id);
    assertThat(
            taxii
                .get(water.token(), ROOT + "collections/all-sectors/")
                .json()
                .get("can_write")
                .asBoolean())
        .isFalse();
  }

  @Test
  void theElectricPowerCollectionIsForThatSectorOnly() throws Exception {
    TaxiiFixtures fixtures = new TaxiiFixtures(mvc, people, collections);
    TaxiiHttp taxii = new TaxiiHttp(port);
    Member power = fixtures.member("asahino-power", "reporter");
    Member water = fixtures.member("minamikawa-water", "reporter");
    Member ceptoar = fixtures.member("ceptoar-electricity", "relay");

    assertThat(
            taxii
                .get(power.token(), ROOT + "collections/electricity-ceptoar/")
                .json()
                .get("can_read")
                .asBoolean())
        .isTrue();
    assertThat(
            taxii
                .get(ceptoar.token(), ROOT + "collections/electricity-ceptoar/")
                .json()
                .get("can_write")
                .asBoolean())
        .isTrue();
    assertThat(taxii.get(water.token(), ROOT + "collections/electricity-ceptoar/").status())
        .isEqualTo(404);
  }
}
