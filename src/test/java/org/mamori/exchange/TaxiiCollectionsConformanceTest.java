package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiHttp.ROOT;
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
import org.mamori.shared.Actor;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * TAXII 2.1 sections 5.1 and 5.2 (get collections, get a collection): what each caller may do with
 * each collection, a stable order, aliases, and nothing about collections the caller may not use.
 */
@MamoriTest
class TaxiiCollectionsConformanceTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiHttp taxii;
  TaxiiFixtures fixtures;
  Member water;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    fixtures = new TaxiiFixtures(mvc, people, collections);
    water = fixtures.member("minamikawa-water", "reporter");
  }

  @Test
  void theListShowsWhatTheCallerMayReadOrWriteWithThosePermissions() {
    UUID readable = fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());
    UUID writable =
        fixtures.collection(Tlp.AMBER, Set.of("asahino-power"), Set.of("minamikawa-water"));
    UUID elsewhere =
        fixtures.collection(Tlp.AMBER, Set.of("asahino-power"), Set.of("asahino-power"));

    Reply reply = taxii.get(water.token(), ROOT + "collections/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    JsonNode read = find(reply, readable);
    assertThat(read.get("can_read").asBoolean()).isTrue();
    assertThat(read.get("can_write").asBoolean()).isFalse();
    assertThat(read.get("title").asString()).startsWith("試験コレクション");
    assertThat(read.get("media_types").get(0).asString())
        .isEqualTo("application/stix+json;version=2.1");
    JsonNode write = find(reply, writable);
    assertThat(write.get("can_read").asBoolean()).isFalse();
    assertThat(write.get("can_write").asBoolean()).isTrue();
    assertThat(ids(reply)).doesNotContain(elsewhere.toString());
  }

  @Test
  void collectionsComeInTheSameOrderEveryTime() {
    fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());
    fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());

    List<String> first = ids(taxii.get(water.token(), ROOT + "collections/"));
    List<String> second = ids(taxii.get(water.token(), ROOT + "collections/"));

    assertThat(first).hasSizeGreaterThanOrEqualTo(2).isEqualTo(second);
  }

  @Test
  void aCollectionIsFoundByItsIdAndByItsAlias() {
    String alias = "test-" + UUID.randomUUID().toString().substring(0, 8);
    UUID id =
        collections.define(
            Actor.SYSTEM,
            new CollectionDefinition(
                "別名つき",
                "説明の文",
                alias,
                Tlp.GREEN,
                false,
                Set.of(people.organisation("minamikawa-water")),
                Set.<SectorId>of(),
                Set.of(people.organisation("minamikawa-water"))));

    Reply byId = taxii.get(water.token(), TaxiiHttp.collection(id));
    Reply byAlias = taxii.get(water.token(), ROOT + "collections/" + alias + "/");

    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.contentType()).isEqualTo(TAXII);
    assertThat(byId.json().get("id").asString()).isEqualTo(id.toString());
    assertThat(byId.json().get("title").asString()).isEqualTo("別名つき");
    assertThat(byId.json().get("description").asString()).isEqualTo("説明の文");
    assertThat(byId.json().get("alias").asString()).isEqualTo(alias);
    assertThat(byId.json().get("can_read").asBoolean()).isTrue();
    assertThat(byId.json().get("can_write").asBoolean()).isTrue();
    assertThat(byAlias.json()).isEqualTo(byId.json());
  }

  @Test
  void aCollectionTheCallerMayNeitherReadNorWriteIsNotFound() {
    UUID elsewhere =
        fixtures.collection(Tlp.AMBER, Set.of("asahino-power"), Set.of("asahino-power"));

    for (String path :
        List.of(
            TaxiiHttp.collection(elsewhere),
            TaxiiHttp.objects(elsewhere),
            TaxiiHttp.manifest(elsewhere),
            TaxiiHttp.collection(UUID.randomUUID()),
            ROOT + "collections/no-such-alias/")) {
      Reply reply = taxii.get(water.token(), path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.contentType()).as(path).isEqualTo(TAXII);
    }
  }

  @Test
  void aCollectionTheCallerMayOnlyWriteRefusesReading403() {
    UUID writeOnly =
        fixtures.collection(Tlp.AMBER, Set.of("asahino-power"), Set.of("minamikawa-water"));

    for (String path :
        List.of(
            TaxiiHttp.objects(writeOnly),
            TaxiiHttp.manifest(writeOnly),
            TaxiiHttp.object(writeOnly, "indicator--" + UUID.randomUUID()),
            TaxiiHttp.versions(writeOnly, "indicator--" + UUID.randomUUID()))) {
      Reply reply = taxii.get(water.token(), path);
      assertThat(reply.status()).as(path).isEqualTo(403);
      assertThat(reply.contentType()).as(path).isEqualTo(TAXII);
    }
  }

  private static JsonNode find(Reply reply, UUID collection) {
    for (JsonNode c : reply.json().get("collections")) {
      if (c.get("id").asString().equals(collection.toString())) {
        return c;
      }
    }
    throw new AssertionError("collection " + collection + " not listed");
  }

  private static List<String> ids(Reply reply) {
    List<String> ids = new ArrayList<>();
    reply.json().path("collections").forEach(c -> ids.add(c.get("id").asString()));
    return ids;
  }
}
