package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.TLP_AMBER;
import static org.mamori.exchange.TaxiiFixtures.TLP_GREEN;
import static org.mamori.exchange.TaxiiFixtures.TLP_RED;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.directory.Directory;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.TaxiiHttp.Reply;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every object served over TAXII passes the same TLP decision as the rest of Mamori: AMBER reaches
 * the collection's readers only, RED only the person who posted it, and an unmarked object takes
 * the collection's default, never CLEAR.
 */
@MamoriTest
class TaxiiTlpTest {

  static final String V1 = "2026-08-01T00:00:00.000Z";
  static final String V2 = "2026-08-02T00:00:00.000Z";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  TaxiiHttp taxii;
  TaxiiFixtures fixtures;
  Member water;
  Member waterColleague;
  Member power;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    fixtures = new TaxiiFixtures(mvc, people, collections);
    water = fixtures.member("minamikawa-water", "reporter");
    waterColleague = fixtures.member("minamikawa-water", "reporter");
    power = fixtures.member("asahino-power", "reporter");
  }

  @Test
  void anAmberObjectReachesTheCollectionsReadersAndNoOneElse() throws Exception {
    UUID collection =
        fixtures.collection(
            Tlp.GREEN, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    String id = newId("indicator");
    add(water, collection, indicator(id, V1, TLP_AMBER));
    Member outsider = fixtures.member("chuo-water-authority", "reporter");
    Member hub = fixtures.member("national-hub", "platform-admin");

    assertThat(taxii.get(power.token(), TaxiiHttp.objects(collection)).ids()).containsExactly(id);
    assertThat(taxii.get(outsider.token(), TaxiiHttp.objects(collection)).status()).isEqualTo(404);
    assertThat(taxii.get(outsider.token(), TaxiiHttp.object(collection, id)).status())
        .isEqualTo(404);
    assertThat(taxii.get(hub.token(), TaxiiHttp.objects(collection)).status()).isEqualTo(404);
    assertThat(tlpOf(collection, id)).isEqualTo("AMBER");
  }

  @Test
  void aRedObjectIsServedOnlyToThePersonWhoPostedIt() {
    UUID collection =
        fixtures.collection(
            Tlp.GREEN, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    String red = newId("indicator");
    String green = newId("indicator");
    add(water, collection, indicator(red, V1, TLP_RED), indicator(green, V1, TLP_GREEN));

    assertThat(taxii.get(water.token(), TaxiiHttp.objects(collection)).ids())
        .containsExactly(red, green);
    for (Member other : new Member[] {waterColleague, power}) {
      assertThat(taxii.get(other.token(), TaxiiHttp.objects(collection)).ids())
          .containsExactly(green);
      assertThat(taxii.get(other.token(), TaxiiHttp.manifest(collection)).ids())
          .containsExactly(green);
      assertThat(taxii.get(other.token(), TaxiiHttp.object(collection, red)).status())
          .isEqualTo(404);
      assertThat(taxii.get(other.token(), TaxiiHttp.versions(collection, red)).status())
          .isEqualTo(404);
    }
  }

  @Test
  void anUnmarkedObjectTakesTheCollectionsDefaultNeverClear() {
    UUID redByDefault =
        fixtures.collection(
            Tlp.RED, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    UUID amberByDefault =
        fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
    String unmarked = newId("indicator");
    add(water, redByDefault, indicator(unmarked, V1));
    add(water, amberByDefault, indicator(unmarked, V1));

    assertThat(tlpOf(redByDefault, unmarked)).isEqualTo("RED");
    assertThat(tlpOf(amberByDefault, unmarked)).isEqualTo("AMBER");
    assertThat(taxii.get(water.token(), TaxiiHttp.objects(redByDefault)).ids())
        .containsExactly(unmarked);
    assertThat(taxii.get(power.token(), TaxiiHttp.objects(redByDefault)).ids()).isEmpty();
  }

  @Test
  void theStrictestTlpMarkingOfAnObjectDecides() {
    UUID collection =
        fixtures.collection(
            Tlp.GREEN, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    String id = newId("indicator");
    add(water, collection, indicator(id, V1, TLP_GREEN, TLP_RED));

    assertThat(tlpOf(collection, id)).isEqualTo("RED");
    assertThat(taxii.get(power.token(), TaxiiHttp.objects(collection)).ids()).isEmpty();
  }

  @Test
  void aReaderWhoMayNotReadTheLatestVersionGetsTheLatestTheyMayRead() {
    UUID collection =
        fixtures.collection(
            Tlp.GREEN, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    String id = newId("indicator");
    add(water, collection, indicator(id, V1, TLP_GREEN), indicator(id, V2, TLP_RED));

    Reply seenByPower = taxii.get(power.token(), TaxiiHttp.object(collection, id));
    assertThat(seenByPower.json().get("objects").get(0).get("modified").asString()).isEqualTo(V1);
    assertThat(taxii.get(power.token(), TaxiiHttp.versions(collection, id)).json().get("versions"))
        .hasSize(1);
    Reply seenByWater = taxii.get(water.token(), TaxiiHttp.object(collection, id));
    assertThat(seenByWater.json().get("objects").get(0).get("modified").asString()).isEqualTo(V2);
  }

  @Test
  void aSectorsOperatorsAndCeptoarReadItsCollectionOthersDoNot() throws Exception {
    OrganisationId hub = directory.nationalHub().id();
    UUID collection =
        collections.define(
            Actor.SYSTEM,
            new CollectionDefinition(
                "電力分野の試験",
                "",
                null,
                Tlp.AMBER,
                false,
                Set.of(hub),
                Set.of(directory.organisationByCode("asahino-power").orElseThrow().sector()),
                Set.of(hub)));
    Member analyst = fixtures.member("national-hub", "analyst");
    String id = newId("indicator");
    add(analyst, collection, indicator(id, V1));
    Member ceptoar = fixtures.member("ceptoar-electricity", "relay");

    assertThat(taxii.get(power.token(), TaxiiHttp.objects(collection)).ids()).containsExactly(id);
    assertThat(taxii.get(ceptoar.token(), TaxiiHttp.objects(collection)).ids()).containsExactly(id);
    assertThat(taxii.get(water.token(), TaxiiHttp.objects(collection)).status()).isEqualTo(404);
  }

  @Test
  void aCollectionForEveryoneIsReadByAnyMember() throws Exception {
    UUID collection =
        collections.define(
            Actor.SYSTEM,
            new CollectionDefinition(
                "全員の試験",
                "",
                null,
                Tlp.GREEN,
                true,
                Set.of(),
                Set.of(),
                Set.of(people.organisation("minamikawa-water"))));
    String id = newId("indicator");
    add(water, collection, indicator(id, V1));
    Member vendor = fixtures.member("demo-vendor-mirai", "reporter");

    assertThat(taxii.get(vendor.token(), TaxiiHttp.objects(collection)).ids()).containsExactly(id);
  }

  private String tlpOf(UUID collection, String objectId) {
    return jdbc.sql("select tlp from stix_object where collection_id = :c and object_id = :o")
        .param("c", collection)
        .param("o", objectId)
        .query(String.class)
        .single();
  }

  private void add(Member member, UUID collection, String... objects) {
    Reply reply = taxii.post(member.token(), TaxiiHttp.objects(collection), envelope(objects));
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().get("success_count").asInt()).isEqualTo(objects.length);
  }
}
