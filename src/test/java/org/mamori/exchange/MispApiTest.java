package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.MispImportPageTest.DEMO;
import static org.mamori.exchange.MispImportPageTest.IP_INDICATOR;
import static org.mamori.exchange.MispImportPageTest.fixture;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.mamori.exchange.TaxiiHttp.Reply;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/exchange/misp}: a tool imports a MISP event with its API token into a collection
 * by id or alias, and gets the same counts and problems as the page, with the TAXII status.
 */
@MamoriTest
class MispApiTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiFixtures fixtures;
  TaxiiHttp http;
  UUID collection;
  Member writer;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new TaxiiFixtures(mvc, people, collections);
    http = new TaxiiHttp(port);
    collection =
        fixtures.collection(
            Tlp.GREEN, Set.of("minamikawa-water", "asahino-power"), Set.of("minamikawa-water"));
    writer = fixtures.member("minamikawa-water", "reporter");
  }

  @Test
  void aToolImportsAnEventAndReadsItsStatus() throws Exception {
    Reply reply = post(writer.token(), collection.toString(), fixture(DEMO));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(json.get("stored").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(json.get("refused")).isEmpty();
    assertThat(json.get("problems")).hasSize(1);
    assertThat(json.get("problems").get(0).get("code").asString())
        .isEqualTo("misp.problem.typeNotMapped");
    assertThat(json.get("problems").get(0).get("message").asString()).contains("btc");
    Reply status = http.get(writer.token(), json.get("statusUrl").asString());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("success_count").asInt()).isEqualTo(json.get("total").asInt());
    Member reader = fixtures.member("asahino-power", "reporter", "READ");
    assertThat(http.get(reader.token(), TaxiiHttp.objects(collection)).ids())
        .contains(IP_INDICATOR);
  }

  @Test
  void aCollectionMayBeNamedByItsAlias() throws Exception {
    Reply reply = post(writer.token(), "all-sectors", fixture(DEMO));
    Member hub = fixtures.member("national-hub", "analyst");

    // the demo's all-sector collection is the hub's to add to, not an operator's
    assertThat(reply.status()).isEqualTo(404);
    assertThat(post(hub.token(), "all-sectors", fixture(DEMO)).status()).isEqualTo(200);
  }

  @Test
  void whatIsNoMispEventIsRefusedWithReasonsAndNothingIsStored() throws Exception {
    Reply notJson = post(writer.token(), collection.toString(), "nope".getBytes());
    Reply notAnEvent = post(writer.token(), collection.toString(), "{\"objects\":[]}".getBytes());

    assertThat(notJson.status()).isEqualTo(422);
    assertThat(notJson.json().get("problems").get(0).get("code").asString())
        .isEqualTo("misp.event.notJson");
    assertThat(notAnEvent.status()).isEqualTo(422);
    assertThat(notAnEvent.json().get("problems").get(0).get("code").asString())
        .isEqualTo("misp.event.notAnEvent");
    assertThat(http.get(writer.token(), TaxiiHttp.objects(collection)).ids()).isEmpty();
  }

  @Test
  void aReadOnlyTokenOrAnOrganisationThatMayNotAddImportsNothing() throws Exception {
    Member readOnly = fixtures.member("minamikawa-water", "reporter", "READ");
    Member reader = fixtures.member("asahino-power", "reporter");

    assertThat(post(readOnly.token(), collection.toString(), fixture(DEMO)).status())
        .isEqualTo(403);
    assertThat(post(reader.token(), collection.toString(), fixture(DEMO)).status()).isEqualTo(404);
    assertThat(http.get(reader.token(), TaxiiHttp.objects(collection)).ids()).isEmpty();
  }

  @Test
  void theImportAndTheDownloadsAreDescribedInTheApiDocs() throws Exception {
    JsonNode paths =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(get("/v3/api-docs").with(SignIn.as(mvc, SignIn.ANALYST)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("paths");

    assertThat(paths.at("/~1api~1exchange~1misp/post/summary").asString())
        .isEqualTo("Import one MISP event into a TAXII collection");
    assertThat(paths.has("/api/reports/{reference}/misp")).isTrue();
    assertThat(paths.has("/api/advisories/{reference}/misp")).isTrue();
  }

  private Reply post(String token, String target, byte[] event) {
    return http.send(
        http.request("/api/exchange/misp?collection=" + target)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .setHeader("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(event)));
  }
}
