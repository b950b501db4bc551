package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.FuzzTries;
import org.mamori.FuzzTries.Gen;
import org.mamori.MamoriTest;
import org.mamori.TestPeople;
import org.mamori.exchange.internal.stix.StixValidator;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz properties of adding objects over TAXII, through real HTTP: envelopes mixing sound objects
 * with broken ones, and bodies that are not envelopes at all. The server never answers 500; every
 * object of a 202 is a success or a failure with a reason; exactly the successes are stored, each
 * once, and a refused body stores nothing. Few tries (each is a real request); README "Fuzz tests"
 * says how to run more.
 */
@MamoriTest
class TaxiiPostFuzzTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired TaxiiCollections collections;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private TaxiiFixtures.Member hub;

  /** One object of an envelope: a sound indicator, then broken as the breakage says. */
  record Offer(String breakage, String value) {}

  /** The objects of an envelope. */
  record Envelope(List<Offer> offers) {}

  @Test
  void everyObjectOfAnEnvelopeIsStoredWholeOrRefusedWithAReason() {
    FuzzTries.check(
        6, g -> new Envelope(g.list(1, 8, TaxiiPostFuzzTest::offer)), this::storedOrRefused);
  }

  private void storedOrRefused(Envelope envelope) throws Exception {
    List<Offer> offers = envelope.offers();
    UUID collection = collection();
    List<JsonNode> sent = new ArrayList<>();
    for (Offer offer : offers) {
      sent.add(JSON.readTree(offer.value()));
    }

    TaxiiHttp.Reply reply =
        http()
            .post(
                member().token(),
                TaxiiHttp.objects(collection),
                TaxiiFixtures.envelope(offers.stream().map(Offer::value).toArray(String[]::new)));

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    JsonNode status = reply.json();
    assertThat(status.path("status").asString()).isEqualTo("complete");
    assertThat(status.path("total_count").asInt()).isEqualTo(offers.size());
    assertThat(status.path("pending_count").asInt()).isZero();
    Set<String> stored = new HashSet<>();
    for (JsonNode success : status.path("successes")) {
      stored.add(success.path("id").asString() + " " + success.path("version").asString());
    }
    for (JsonNode failure : status.path("failures")) {
      assertThat(failure.path("message").asString()).isNotBlank();
    }
    StixValidator validator = new StixValidator();
    for (int i = 0; i < sent.size(); i++) {
      boolean valid = validator.validate(sent.get(i)).isEmpty();
      if (offers.get(i).breakage().equals("none")) {
        assertThat(valid).as(offers.get(i).value()).isTrue();
      }
      if (!valid) {
        assertThat(storedVersions(collection, sent.get(i).path("id").asString("")))
            .as("refused %s", offers.get(i).breakage())
            .isZero();
      }
    }
    assertThat(storedVersions(collection)).isEqualTo(stored.size());
  }

  /** A body as sent, shown as text. */
  record Body(byte[] bytes) {

    @Override
    public String toString() {
      return bytes.length + " bytes: " + new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBodyThatIsNoEnvelopeIsRefusedWithATaxiiErrorAndStoresNothing() {
    FuzzTries.check(6, TaxiiPostFuzzTest::body, this::refused);
  }

  private void refused(Body sent) throws Exception {
    byte[] body = sent.bytes();
    UUID collection = collection();

    TaxiiHttp.Reply reply =
        http()
            .send(
                http()
                    .request(TaxiiHttp.objects(collection))
                    .header("Authorization", "Bearer " + member().token())
                    .header("Content-Type", TaxiiHttp.TAXII)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
    assertThat(reply.contentType()).startsWith("application/taxii+json");
    assertThat(reply.json().path("title").asString()).isNotBlank();
    assertThat(storedVersions(collection)).isZero();
    assertThat(
            jdbc.sql("select count(*) from taxii_status where collection_id = :collection")
                .param("collection", collection)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Bodies that are no envelope: random bytes, cut-off or odd JSON, invalid UTF-8. */
  private static Body body(Gen g) {
    return new Body(
        switch (g.between(0, 2)) {
          case 0 -> g.bytes(200);
          case 1 ->
              g.of(
                      "",
                      "null",
                      "[]",
                      "\"objects\"",
                      "{\"objects\": {}}",
                      "{\"objects\": [",
                      "{\"objects\": [1, 2, 3]",
                      "{\"objects\": []} trailing",
                      "{\"objects\": [{\"type\": \"indicator\"}]",
                      "[".repeat(5_000) + "]".repeat(5_000),
                      "{\"objects\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}")
                  .getBytes(StandardCharsets.UTF_8);
          default -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        });
  }

  /** A sound indicator, broken (or not) as drawn. */
  private static Offer offer(Gen g) {
    String breakage =
        g.of(
            "none",
            "none",
            "drop",
            "wrong type",
            "huge description",
            "bad id",
            "bad timestamp",
            "garbled pattern",
            "deep nesting",
            "modified before created");
    String property = g.of("id", "type", "spec_version", "created", "modified", "pattern", "name");
    String junk = g.string(20);
    g.label(breakage);
    ObjectNode object =
        (ObjectNode)
            JSON.readTree(
                TaxiiFixtures.indicator(
                    TaxiiFixtures.newId("indicator"), "2026-02-01T00:00:00.000Z"));
    switch (breakage) {
      case "drop" -> object.remove(property);
      case "wrong type" -> object.put(property, junk.length());
      case "huge description" -> object.put("description", "長".repeat(200_000));
      case "bad id" -> object.put("id", "indicator--" + junk);
      case "bad timestamp" ->
          object.put(property.equals("created") ? "created" : "modified", "2026-02-30T" + junk);
      case "garbled pattern" -> object.put("pattern", "[ipv4-addr:value = '" + junk);
      case "deep nesting" -> {
        StringBuilder deep = new StringBuilder("{\"x_ref\":\"x\"}");
        for (int i = 0; i < 400; i++) {
          deep.insert(0, "[").append("]");
        }
        object.set("x_deep", JSON.readTree(deep.toString()));
      }
      case "modified before created" -> object.put("modified", "2025-12-31T23:59:59.999Z");
      default -> {}
    }
    return new Offer(breakage, object.toString());
  }

  private TaxiiFixtures.Member member() throws Exception {
    if (hub == null) {
      hub = new TaxiiFixtures(mvc, people, collections).member("national-hub", "analyst");
    }
    return hub;
  }

  private UUID collection() {
    return new TaxiiFixtures(mvc, people, collections)
        .collection(Tlp.GREEN, Set.of("national-hub"), Set.of("national-hub"));
  }

  private TaxiiHttp http() {
    return new TaxiiHttp(port);
  }

  private long storedVersions(UUID collection) {
    return jdbc.sql("select count(*) from stix_object where collection_id = :collection")
        .param("collection", collection)
        .query(Long.class)
        .single();
  }

  private long storedVersions(UUID collection, String objectId) {
    if (objectId.indexOf('\u0000') >= 0) {
      // PostgreSQL cannot hold a NUL in text, so no stored id has one (the total count checks it)
      return 0;
    }
    return jdbc.sql(
            "select count(*) from stix_object where collection_id = :collection"
                + " and object_id = :id")
        .param("collection", collection)
        .param("id", objectId)
        .query(Long.class)
        .single();
  }
}
