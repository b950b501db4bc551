package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mamori.exchange.TaxiiFixtures.envelope;
import static org.mamori.exchange.TaxiiFixtures.indicator;
import static org.mamori.exchange.TaxiiFixtures.newId;
import static org.mamori.exchange.TaxiiHttp.TAXII;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
 * TAXII 2.1 section 5.5 (add objects): 202 with a status resource, each object's outcome, the same
 * object posted twice, and the refusals 403, 413, 415 and 422, over plain HTTP.
 */
@MamoriTest
class TaxiiAddObjectsConformanceTest {

  static final String V1 = "2026-03-01T09:00:00.000Z";

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
        fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of("minamikawa-water"));
  }

  @Test
  void addingObjectsIsAcceptedWithACompleteStatusListingEachObject() {
    String a = newId("indicator");
    String b = newId("indicator");

    Reply reply =
        taxii.post(
            water.token(),
            TaxiiHttp.objects(collection),
            envelope(indicator(a, V1), indicator(b, V1)));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    JsonNode status = reply.json();
    assertThat(UUID.fromString(status.get("id").asString())).isNotNull();
    assertThat(status.get("status").asString()).isEqualTo("complete");
    assertThat(status.get("request_timestamp").asString())
        .matches(TaxiiObjectsConformanceTest.TAXII_TIMESTAMP);
    assertThat(status.get("total_count").asInt()).isEqualTo(2);
    assertThat(status.get("success_count").asInt()).isEqualTo(2);
    assertThat(status.get("failure_count").asInt()).isZero();
    assertThat(status.get("pending_count").asInt()).isZero();
    assertThat(status.get("successes").get(0).get("id").asString()).isEqualTo(a);
    assertThat(status.get("successes").get(0).get("version").asString()).isEqualTo(V1);
    assertThat(status.get("successes").get(1).get("id").asString()).isEqualTo(b);
    assertThat(status.has("failures")).isFalse();
    assertThat(status.has("pendings")).isFalse();
    assertThat(taxii.get(water.token(), TaxiiHttp.objects(collection)).ids()).containsExactly(a, b);
  }

  @Test
  void objectsThatWillNotDoFailWithAReasonWhileTheOthersAreStored() {
    String good = newId("indicator");
    String noSpecVersion = newId("indicator");

    Reply reply =
        taxii.post(
            water.token(),
            TaxiiHttp.objects(collection),
            envelope(
                indicator(good, V1),
                indicator(noSpecVersion, V1).replace("\"spec_version\":\"2.1\",", ""),
                "{\"type\":\"indicator\",\"spec_version\":\"2.1\"}",
                "\"not an object\""));

    JsonNode status = reply.json();
    assertThat(reply.status()).isEqualTo(202);
    assertThat(status.get("total_count").asInt()).isEqualTo(4);
    assertThat(status.get("success_count").asInt()).isEqualTo(1);
    assertThat(status.get("failure_count").asInt()).isEqualTo(3);
    JsonNode failures = status.get("failures");
    assertThat(failures.get(0).get("id").asString()).isEqualTo(noSpecVersion);
    assertThat(failures.get(0).get("version").asString()).isEqualTo(V1);
    assertThat(failures.get(0).get("message").asString()).contains("spec_version");
    assertThat(failures.get(1).get("id").asString()).isEqualTo("objects[2]");
    assertThat(failures.get(1).get("message").asString()).contains("id");
    assertThat(failures.get(2).get("id").asString()).isEqualTo("objects[3]");
    assertThat(taxii.get(water.token(), TaxiiHttp.objects(collection)).ids()).containsExactly(good);
  }

  @Test
  void aFailureIsExplainedInTheClientsLanguage() {
    Reply reply =
        taxii.send(
            taxii
                .request(TaxiiHttp.objects(collection))
                .header("Authorization", "Bearer " + water.token())
                .header("Content-Type", TAXII)
                .header("Accept-Language", "en")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        envelope(indicator(newId("indicator"), V1).replace("2.1", "2.0")))));

    assertThat(reply.json().get("failures").get(0).get("message").asString())
        .contains("Mamori takes STIX 2.1 only");
  }

  @Test
  void anObjectIsServedExactlyAsItWasPosted() {
    String id = newId("indicator");
    // numbers and escapes as the sender wrote them: nothing is rounded or rewritten on the way
    String posted =
        indicator(id, V1)
            .replace("}", ", \"x_mamori_ratio\": 1.10, \"x_mamori_note\": \"\\u5b88\"}");

    assertThat(taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(posted)).status())
        .isEqualTo(202);

    assertThat(taxii.get(water.token(), TaxiiHttp.object(collection, id)).body()).contains(posted);
  }

  @Test
  void postingTheVerySameObjectAgainSucceedsWithoutStoringItTwice() {
    String id = newId("indicator");
    taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(indicator(id, V1)));

    Reply again =
        taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(indicator(id, V1)));

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("success_count").asInt()).isEqualTo(1);
    assertThat(again.json().get("successes").get(0).get("message").asString()).isNotBlank();
    assertThat(
            taxii
                .get(water.token(), TaxiiHttp.versions(collection, id))
                .json()
                .get("versions")
                .size())
        .isEqualTo(1);
  }

  @Test
  void theSameObservableTwiceIsStoredOnce() {
    String file =
        """
        {"type":"file","spec_version":"2.1","id":"%s","name":"dropper.exe"}"""
            .formatted(newId("file"));

    taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(file));
    Reply again = taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(file));

    assertThat(again.json().get("success_count").asInt()).isEqualTo(1);
    assertThat(taxii.get(water.token(), TaxiiHttp.manifest(collection)).ids()).hasSize(1);
    String version =
        taxii
            .get(water.token(), TaxiiHttp.manifest(collection))
            .json()
            .get("objects")
            .get(0)
            .get("version")
            .asString();
    assertThat(version).matches(TaxiiObjectsConformanceTest.TAXII_TIMESTAMP);
    assertThat(again.json().get("successes").get(0).get("version").asString()).isEqualTo(version);
  }

  @Test
  void aDifferentObjectWithTheSameIdAndVersionFails() {
    String id = newId("indicator");
    taxii.post(water.token(), TaxiiHttp.objects(collection), envelope(indicator(id, V1)));

    Reply clash =
        taxii.post(
            water.token(),
            TaxiiHttp.objects(collection),
            envelope(indicator(id, V1).replace("試験の指標", "別の指標")));

    assertThat(clash.json().get("failure_count").asInt()).isEqualTo(1);
    assertThat(clash.json().get("failures").get(0).get("message").asString()).isNotBlank();
    assertThat(
            taxii
                .get(water.token(), TaxiiHttp.objects(collection))
                .json()
                .get("objects")
                .get(0)
                .get("name")
                .asString())
        .isEqualTo("試験の指標");
  }

  @Test
  void oneEnvelopeHoldingAVersionThriceStoresItOnceAndRefusesTheDifferentOne() {
    String id = newId("indicator");

    Reply reply =
        taxii.post(
            water.token(),
            TaxiiHttp.objects(collection),
            envelope(
                indicator(id, V1), indicator(id, V1), indicator(id, V1).replace("試験の指標", "別の指標")));

    assertThat(reply.json().get("success_count").asInt()).isEqualTo(2);
    assertThat(reply.json().get("successes").get(0).has("message")).isFalse();
    assertThat(reply.json().get("successes").get(1).get("message").asString()).isNotBlank();
    assertThat(reply.json().get("failure_count").asInt()).isEqualTo(1);
    assertThat(
            taxii
                .get(water.token(), TaxiiHttp.objects(collection))
                .json()
                .get("objects")
                .get(0)
                .get("name")
                .asString())
        .isEqualTo("試験の指標");
    assertThat(taxii.get(water.token(), TaxiiHttp.versions(collection, id)).json().get("versions"))
        .hasSize(1);
  }

  @Test
  void aBodyLargerThanTheMaxContentLengthIsRefusedWith413() {
    long max = taxii.get(water.token(), TaxiiHttp.ROOT).json().get("max_content_length").asLong();
    byte[] large =
        envelope(indicator(newId("indicator"), V1).replace("試験の指標", "x".repeat((int) max)))
            .getBytes(StandardCharsets.UTF_8);

    // Sent without a length (chunked), as a streaming client would: Mamori counts what arrives.
    Reply reply =
        taxii.send(
            taxii
                .request(TaxiiHttp.objects(collection))
                .header("Authorization", "Bearer " + water.token())
                .header("Content-Type", TAXII)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large))));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    assertThat(reply.json().get("http_status").asString()).isEqualTo("413");
    assertThat(taxii.get(water.token(), TaxiiHttp.objects(collection)).ids()).isEmpty();
  }

  @Test
  void aBodyThatIsNotTaxiiJsonIsRefusedWith415() {
    for (String type : new String[] {"application/json", "application/taxii+json;version=2.0"}) {
      Reply reply =
          taxii.send(
              taxii
                  .request(TaxiiHttp.objects(collection))
                  .header("Authorization", "Bearer " + water.token())
                  .header("Content-Type", type)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          envelope(indicator(newId("indicator"), V1)), StandardCharsets.UTF_8)));

      assertThat(reply.status()).as(type).isEqualTo(415);
      assertThat(reply.contentType()).as(type).isEqualTo(TAXII);
    }
  }

  @Test
  void taxiiJsonWithoutAVersionIsTaxii21() {
    Reply reply =
        taxii.send(
            taxii
                .request(TaxiiHttp.objects(collection))
                .header("Authorization", "Bearer " + water.token())
                .header("Content-Type", "application/taxii+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        envelope(indicator(newId("indicator"), V1)), StandardCharsets.UTF_8)));

    assertThat(reply.status()).isEqualTo(202);
  }

  @Test
  void aBodyThatIsNotAnEnvelopeIsRefusedWith422() {
    String twoTypes = "{\"objects\":[{\"type\":\"indicator\",\"type\":\"malware\"}]}";
    String trailing = envelope(indicator(newId("indicator"), V1)) + " {}";
    for (String body :
        new String[] {
          "not json", "[]", "{}", "{\"objects\":[]}", "{\"objects\":{}}", twoTypes, trailing
        }) {
      Reply reply = taxii.post(water.token(), TaxiiHttp.objects(collection), body);

      assertThat(reply.status()).as(body).isEqualTo(422);
      assertThat(reply.contentType()).as(body).isEqualTo(TAXII);
      assertThat(reply.json().get("description").asString()).as(body).isNotBlank();
    }
  }

  @Test
  void anOrganisationThatMayOnlyReadIsRefused403() throws Exception {
    UUID readOnly = fixtures.collection(Tlp.AMBER, Set.of("minamikawa-water"), Set.of());

    Reply reply =
        taxii.post(
            water.token(),
            TaxiiHttp.objects(readOnly),
            envelope(indicator(newId("indicator"), V1)));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.contentType()).isEqualTo(TAXII);
  }

  @Test
  void aReadOnlyTokenIsRefused403() throws Exception {
    Member reader = fixtures.member("minamikawa-water", "reporter", "READ");

    Reply reply =
        taxii.post(
            reader.token(),
            TaxiiHttp.objects(collection),
            envelope(indicator(newId("indicator"), V1)));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.contentType()).isEqualTo(TAXII);
    assertThat(reply.json().get("http_status").asString()).isEqualTo("403");
  }

  @Test
  void whatIsAddedIsAudited() {
    taxii.post(
        water.token(), TaxiiHttp.objects(collection), envelope(indicator(newId("indicator"), V1)));

    assertThat(people.auditEntries("exchange.objects.added", collection.toString())).isEqualTo(1);
  }
}
