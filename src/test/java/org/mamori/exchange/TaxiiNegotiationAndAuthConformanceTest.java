package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiHttp.ROOT;
import static org.mamori.exchange.TaxiiHttp.TAXII;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
 * TAXII 2.1 sections 1.6.8, 1.6.9, 3.1 and 3.6 (content negotiation, authentication, errors): every
 * answer, refusals included, is TAXII 2.1 with a TAXII error message.
 */
@MamoriTest
class TaxiiNegotiationAndAuthConformanceTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiHttp taxii;
  Member water;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    water = new TaxiiFixtures(mvc, people, collections).member("minamikawa-water", "reporter");
  }

  @Test
  void anAnonymousClientIsAskedToAuthenticateWithBasicOrBearer() {
    Reply reply = taxii.send(taxii.request("/taxii2/"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    assertThat(reply.json().get("http_status").asString()).isEqualTo("401");
    assertThat(reply.headers().allValues("WWW-Authenticate"))
        .anyMatch(challenge -> challenge.startsWith("Basic"))
        .anyMatch(challenge -> challenge.startsWith("Bearer"));
  }

  @Test
  void anUnknownTokenIsRefused401() {
    for (String authorization :
        List.of("Bearer mmr_unknown", TaxiiHttp.basic("someone", "mmr_unknown"))) {
      Reply reply = taxii.send(taxii.request(ROOT).header("Authorization", authorization));

      assertThat(reply.status()).as(authorization).isEqualTo(401);
      assertThat(reply.contentType()).as(authorization).isEqualTo(TAXII);
    }
  }

  @Test
  void withoutATaxii21MediaRangeInAcceptTheAnswerIs406() {
    for (String accept :
        List.of("application/json", "*/*", "application/taxii+json;version=2.0", "text/html")) {
      Reply reply =
          taxii.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + ROOT))
                  .header("Authorization", "Bearer " + water.token())
                  .header("Accept", accept));

      assertThat(reply.status()).as(accept).isEqualTo(406);
      assertThat(reply.contentType()).as(accept).isEqualTo(TAXII);
      assertThat(reply.json().get("http_status").asString()).as(accept).isEqualTo("406");
    }
    Reply none =
        taxii.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + ROOT))
                .header("Authorization", "Bearer " + water.token()));
    assertThat(none.status()).isEqualTo(406);
  }

  @Test
  void taxiiWithoutAVersionOrAmongOtherTypesIsAcceptable() {
    for (String accept :
        List.of(
            "application/taxii+json",
            "application/json, application/taxii+json;version=2.1;q=0.5",
            "application/taxii+json;version=2.1,application/stix+json;version=2.1")) {
      Reply reply =
          taxii.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + ROOT))
                  .header("Authorization", "Bearer " + water.token())
                  .header("Accept", accept));

      assertThat(reply.status()).as(accept).isEqualTo(200);
      assertThat(reply.contentType()).as(accept).isEqualTo(TAXII);
    }
  }

  @Test
  void unknownAddressesAre404AndWrongMethods405WithTaxiiErrors() {
    Reply unknown = taxii.get(water.token(), ROOT + "nothing-here/");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo(TAXII);

    Reply noSlash = taxii.get(water.token(), "/taxii2/mamori");
    assertThat(noSlash.status()).isEqualTo(404);
    assertThat(noSlash.contentType()).isEqualTo(TAXII);

    Reply put =
        taxii.send(
            taxii
                .request("/taxii2/")
                .header("Authorization", "Bearer " + water.token())
                .header("Content-Type", TAXII)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.contentType()).isEqualTo(TAXII);
    assertThat(put.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
  }

  @Test
  void filtersWrittenWithPlainBracketsAsInTheStandardAreUnderstood() throws Exception {
    UUID collection =
        new TaxiiFixtures(mvc, people, collections)
            .collection(Tlp.GREEN, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
    String id = TaxiiFixtures.newId("indicator");
    taxii.post(
        water.token(),
        TaxiiHttp.objects(collection),
        TaxiiFixtures.envelope(TaxiiFixtures.indicator(id, "2026-10-01T00:00:00.000Z")));

    // As curl sends it: the brackets unencoded, which Java's own HTTP client cannot do.
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + TaxiiHttp.objects(collection)
                      + "?match[type]=indicator HTTP/1.1\r\n"
                      + "Host: localhost\r\nAccept: "
                      + TAXII
                      + "\r\n"
                      + "Authorization: Bearer "
                      + water.token()
                      + "\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 200").contains(id);
    }
  }

  @Test
  void errorsAreWrittenInTheClientsLanguage() {
    Reply japanese =
        taxii.send(
            taxii
                .request(ROOT + "collections/no-such/")
                .header("Authorization", "Bearer " + water.token()));
    Reply english =
        taxii.send(
            taxii
                .request(ROOT + "collections/no-such/")
                .header("Authorization", "Bearer " + water.token())
                .header("Accept-Language", "en"));

    assertThat(japanese.json().get("description").asString()).contains("コレクション");
    assertThat(english.json().get("description").asString()).contains("collection");
  }
}
