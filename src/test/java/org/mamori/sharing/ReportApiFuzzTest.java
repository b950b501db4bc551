package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mamori.FuzzTries;
import org.mamori.FuzzTries.Gen;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz properties of the report API ({@code POST /api/reports}): a sound first report broken at
 * random — fields dropped, of the wrong type, unknown codes and enum values, huge texts, bad times,
 * bodies that are no JSON at all. Every answer is 201 or a 4xx problem that says why (never 500),
 * and a refused body writes no report. README "Fuzz tests" says how to run more tries.
 */
@MamoriTest
class ReportApiFuzzTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> FIELDS =
      List.of(
          "stage",
          "summary",
          "occurredAt",
          "detectedAt",
          "eventType",
          "impact",
          "causes",
          "service",
          "otherSectorsAffected",
          "verificationLevel",
          "responseStatus",
          "details",
          "indicators",
          "tlp",
          "emergency",
          "redRecipients");

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  private String operator;
  private String token;

  /** A body as sent, shown as text, and the language asked for. */
  record Request(byte[] body, String language) {

    @Override
    public String toString() {
      return language + ", " + body.length + " bytes: " + new String(body, StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyBodyIsFiledOrRefusedWithAReasonAndARefusalWritesNothing() {
    FuzzTries.check(
        40, g -> new Request(body(g), g.of("ja", "en")), this::filedOrRefusedWithAReason);
  }

  private void filedOrRefusedWithAReason(Request request) throws Exception {
    byte[] body = request.body();
    String language = request.language();
    String token = token();
    long before = reports();

    MockHttpServletResponse response =
        mvc.perform(
                post("/api/reports")
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();

    String shown = new String(body, StandardCharsets.UTF_8);
    String answer = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus())
        .as("%s → %s", abbreviated(shown), answer)
        .isIn(201, 400, 413, 422);
    if (response.getStatus() == 201) {
      assertThat(reports()).isEqualTo(before + 1);
      return;
    }
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = JSON.readTree(answer);
    assertThat(problem.path("detail").asString("") + problem.path("title").asString(""))
        .as(answer)
        .isNotBlank();
    for (JsonNode error : problem.path("errors")) {
      assertThat(error.path("message").asString()).as(answer).isNotBlank().doesNotContain("{0}");
    }
    assertThat(reports()).as(abbreviated(shown)).isEqualTo(before);
  }

  /** Mostly a sound report broken in up to four fields, else random bytes or odd JSON. */
  private static byte[] body(Gen g) {
    return switch (g.weighted(6, 1, 1)) {
      case 0 -> report(g.list(0, 4, ReportApiFuzzTest::breakage)).getBytes(StandardCharsets.UTF_8);
      case 1 -> g.bytes(100);
      default ->
          g.of(
                  "",
                  "null",
                  "[]",
                  "1e999999",
                  "\"FIRST\"",
                  "{",
                  "{\"stage\": \"FIRST\",}",
                  "{\"stage\": \"FIRST\"} {}",
                  "[".repeat(3_000) + "]".repeat(3_000),
                  "{\"summary\": \"\\ud800\"}")
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  private static Breakage breakage(Gen g) {
    return new Breakage(g.pick(FIELDS), g.bool(), junk(g));
  }

  private static JsonNode junk(Gen g) {
    return switch (g.between(0, 7)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(g.bool());
      case 2 -> NODES.numberNode(g.anyLong());
      case 3 -> NODES.stringNode(g.string(30));
      case 4 ->
          NODES.stringNode(
              g.of(
                  "FIRST",
                  "FINAL",
                  "RED",
                  "AMBER_STRICT",
                  "CLEAR",
                  "unavailable",
                  "stopped",
                  "2026-02-30T00:00:00Z",
                  "2026-01-01T00:00:00+09:00",
                  "9999-12-31T23:59:59Z",
                  "-1000000000-01-01T00:00:00Z",
                  "someone@example.jp"));
      case 5 -> NODES.stringNode("報".repeat(g.between(400, 30_000)));
      case 6 -> array(g.list(0, 4, gen -> gen.string(10)));
      default -> NODES.objectNode().put("x", 1);
    };
  }

  /** Drops the field, or sets it to the value. */
  record Breakage(String field, boolean drop, JsonNode value) {}

  private static String report(List<Breakage> breakages) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode report =
        NODES
            .objectNode()
            .put("stage", "FIRST")
            .put("summary", "試験: 監視系サーバの応答遅延")
            .put("occurredAt", now.minusSeconds(7200).toString())
            .put("detectedAt", now.minusSeconds(3600).toString())
            .put("eventType", "unavailable")
            .put("impact", "degraded")
            .put("tlp", "AMBER")
            .put("emergency", false);
    report.set("causes", NODES.arrayNode().add("unknown"));
    for (Breakage breakage : breakages) {
      if (breakage.drop()) {
        report.remove(breakage.field());
      } else {
        report.set(breakage.field(), breakage.value());
      }
    }
    return report.toString();
  }

  private String token() throws Exception {
    if (token == null) {
      operator = people.newOperator("water");
      TestPeople.TestPerson reporter = people.create(operator, "reporter");
      token =
          Tokens.create(
              mvc,
              SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD),
              people.organisation(operator).toString(),
              "WRITE");
    }
    return token;
  }

  private long reports() {
    return jdbc.sql("select count(*) from report where originator = :organisation")
        .param("organisation", people.organisation(operator).value())
        .query(Long.class)
        .single();
  }

  private static JsonNode array(List<String> texts) {
    var array = NODES.arrayNode();
    texts.forEach(array::add);
    return array;
  }

  private static String abbreviated(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
  }
}
