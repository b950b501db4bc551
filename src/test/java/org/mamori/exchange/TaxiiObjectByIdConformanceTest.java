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

/**
 * TAXII 2.1 sections 5.6 and 5.7 (get an object, delete an object): an object's versions by id,
 * deletion of all or some versions, and who may delete (the TAXII permission table, then only the
 * organisation that added the object or a platform administrator).
 */
@MamoriTest
class TaxiiObjectByIdConformanceTest {

  static final String V1 = "2026-05-01T00:00:00.000Z";
  static final String V2 = "2026-05-02T00:00:00.000Z";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiHttp taxii;
  TaxiiFixtures fixtures;
  Member water;
  Member power;
  UUID collection;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    fixtures = new TaxiiFixtures(mvc, people, collections);
    water = fixtures.member("minamikawa-water", "reporter");
    power = fixtures.member("asahino-power", "reporter");
    collection =
        fixtures.collection(
            Tlp.GREEN,
            Set.of("minamikawa-water", "asahino-power", "national-hub"),
            Set.of("minamikawa-water", "asahino-power", "national-hub"));
  }

  @Test
  void anObjectByIdComesInAnEnvelopeWithItsLatestVersion() {
    String id = newId("indicator");
    add(water, indicator(id, V1), indicator(id, V2));

    Reply latest = taxii.get(power.token(), TaxiiHttp.object(collection, id));
    Reply all = taxii.get(power.token(), TaxiiHttp.object(collection, id) + "?match[version]=all");

    assertThat(latest.status()).isEqualTo(200);
    assertThat(latest.contentType()).isEqualTo(TAXII);
    assertThat(modifieds(latest)).containsExactly(V2);
    assertThat(latest.header(TaxiiHttp.FIRST)).isPresent();
    assertThat(latest.header(TaxiiHttp.LAST)).isPresent();
    assertThat(modifieds(all)).containsExactly(V1, V2);
    assertThat(
            modifieds(
                taxii.get(
                    power.token(), TaxiiHttp.object(collection, id) + "?match[version]=" + V1)))
        .containsExactly(V1);
  }

  @Test
  void anObjectThatIsNotInTheCollectionIsNotFound() {
    Reply reply = taxii.get(water.token(), TaxiiHttp.object(collection, newId("indicator")));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo(TAXII);
  }

  @Test
  void deletingRemovesEveryVersionSoLaterRequestsDoNotFindIt() {
    String id = newId("indicator");
    add(water, indicator(id, V1), indicator(id, V2));

    Reply deleted = taxii.delete(water.token(), TaxiiHttp.object(collection, id));

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.contentType()).isEqualTo(TAXII);
    assertThat(taxii.get(water.token(), TaxiiHttp.object(collection, id)).status()).isEqualTo(404);
    assertThat(taxii.get(water.token(), TaxiiHttp.versions(collection, id)).status())
        .isEqualTo(404);
    assertThat(taxii.get(water.token(), TaxiiHttp.manifest(collection)).ids()).doesNotContain(id);
    assertThat(people.auditEntries("exchange.object.deleted", id)).isEqualTo(1);
  }

  @Test
  void deletingOneVersionKeepsTheOthers() {
    String id = newId("indicator");
    add(water, indicator(id, V1), indicator(id, V2));

    Reply deleted =
        taxii.delete(water.token(), TaxiiHttp.object(collection, id) + "?match[version]=" + V1);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(
            modifieds(
                taxii.get(water.token(), TaxiiHttp.object(collection, id) + "?match[version]=all")))
        .containsExactly(V2);
  }

  @Test
  void onlyTheOrganisationThatAddedItOrAPlatformAdministratorMayDelete() throws Exception {
    String id = newId("indicator");
    add(water, indicator(id, V1));
    Member administrator = fixtures.member("national-hub", "platform-admin");

    Reply byAnotherWriter = taxii.delete(power.token(), TaxiiHttp.object(collection, id));
    assertThat(byAnotherWriter.status()).isEqualTo(403);
    assertThat(byAnotherWriter.contentType()).isEqualTo(TAXII);
    assertThat(taxii.get(water.token(), TaxiiHttp.object(collection, id)).status()).isEqualTo(200);

    assertThat(taxii.delete(administrator.token(), TaxiiHttp.object(collection, id)).status())
        .isEqualTo(200);
    assertThat(taxii.get(water.token(), TaxiiHttp.object(collection, id)).status()).isEqualTo(404);
  }

  @Test
  void whoMayDeleteFollowsTheTaxiiPermissionTable() throws Exception {
    String id = newId("indicator");
    UUID readOnly = fixtures.collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of());
    UUID writeOnly =
        fixtures.collection(Tlp.GREEN, Set.of("asahino-power"), Set.of("minamikawa-water"));
    UUID neither = fixtures.collection(Tlp.GREEN, Set.of("asahino-power"), Set.of("asahino-power"));

    assertThat(taxii.delete(water.token(), TaxiiHttp.object(readOnly, id)).status()).isEqualTo(403);
    assertThat(taxii.delete(water.token(), TaxiiHttp.object(writeOnly, id)).status())
        .isEqualTo(403);
    assertThat(taxii.delete(water.token(), TaxiiHttp.object(neither, id)).status()).isEqualTo(404);
    assertThat(taxii.delete(water.token(), TaxiiHttp.object(collection, id)).status())
        .isEqualTo(404);
  }

  @Test
  void aReadOnlyTokenMayNotDelete() throws Exception {
    String id = newId("indicator");
    add(water, indicator(id, V1));
    Member reader = fixtures.member("minamikawa-water", "reporter", "READ");

    Reply reply = taxii.delete(reader.token(), TaxiiHttp.object(collection, id));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.contentType()).isEqualTo(TAXII);
  }

  private void add(Member member, String... objects) {
    Reply reply = taxii.post(member.token(), TaxiiHttp.objects(collection), envelope(objects));
    assertThat(reply.json().get("success_count").asInt()).isEqualTo(objects.length);
  }

  private static List<String> modifieds(Reply reply) {
    List<String> modified = new ArrayList<>();
    reply.json().path("objects").forEach(o -> modified.add(o.get("modified").asString()));
    return modified;
  }
}
