package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiHttp.ROOT;
import static org.mamori.exchange.TaxiiHttp.TAXII;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.exchange.TaxiiFixtures.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * TAXII 2.1 section 4.1 and 4.2 (server discovery, API root information), the server rows of the
 * OASIS TAXII 2.1 interoperability tests for them, over plain HTTP.
 */
@MamoriTest
class TaxiiDiscoveryConformanceTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;

  TaxiiHttp taxii;
  Member operator;

  @BeforeEach
  void setUp() throws Exception {
    taxii = new TaxiiHttp(port);
    operator = new TaxiiFixtures(mvc, people, collections).member("minamikawa-water", "reporter");
  }

  @Test
  void discoveryNamesTheServerAndAdvertisesItsApiRootAsTheDefault() {
    TaxiiHttp.Reply reply = taxii.get(operator.token(), "/taxii2/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    JsonNode discovery = reply.json();
    assertThat(discovery.get("title").asString()).isNotBlank();
    assertThat(discovery.get("api_roots").get(0).asString()).isEqualTo(ROOT);
    assertThat(discovery.get("default").asString()).isEqualTo(ROOT);
  }

  @Test
  void theApiRootSpeaksTaxii21AndSaysHowLargeARequestMayBe() {
    TaxiiHttp.Reply reply = taxii.get(operator.token(), ROOT);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    JsonNode root = reply.json();
    assertThat(root.get("title").asString()).isNotBlank();
    assertThat(root.get("versions").get(0).asString()).isEqualTo(TAXII);
    assertThat(root.get("max_content_length").asLong()).isEqualTo(10L * 1024 * 1024);
  }

  @Test
  void anApiRootThatDoesNotExistIsNotFoundWithATaxiiError() {
    TaxiiHttp.Reply reply = taxii.get(operator.token(), "/taxii2/elsewhere/");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    assertThat(reply.json().get("http_status").asString()).isEqualTo("404");
    assertThat(reply.json().get("title").asString()).isEqualTo("Not Found");
  }

  @Test
  void discoveryTakesTheTokenAsTheHttpBasicPassword() {
    TaxiiHttp.Reply reply =
        taxii.send(
            taxii
                .request("/taxii2/")
                .header("Authorization", TaxiiHttp.basic("any-name", operator.token())));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("api_roots").get(0).asString()).isEqualTo(ROOT);
  }
}
