package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.mamori.InSpring;
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
@AddLifecycleHook(InSpring.class)
class ReportApiProperties {

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

  @Property(tries = 40)
  void everyBodyIsFiledOrRefusedWithAReasonAndARefusalWritesNothing(
      @ForAll("bodies") byte[] body, @ForAll("languages") String language) throws Exception {
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

    Statistics.collect(response.getStatus());
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

  @Provide("languages")
  Arbitrary<String> languages() {
    return Arbitraries.of("ja", "en");
  }

  @Provide("bodies")
  Arbitrary<byte[]> bodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, brokenReports().map(r -> r.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(100)),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(
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
                .map(text -> text.getBytes(StandardCharsets.UTF_8))));
  }

  private Arbitrary<String> brokenReports() {
    Arbitrary<JsonNode> junk =
        Arbitraries.oneOf(
            Arbitraries.just((JsonNode) NODES.nullNode()),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.strings().ofMaxLength(30).map(NODES::stringNode),
            Arbitraries.of(
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
                    "someone@example.jp")
                .map(NODES::stringNode),
            Arbitraries.integers().between(400, 30_000).map(n -> NODES.stringNode("報".repeat(n))),
            Arbitraries.strings()
                .ofMaxLength(10)
                .list()
                .ofMaxSize(4)
                .map(ReportApiProperties::array),
            Arbitraries.just((JsonNode) NODES.objectNode().put("x", 1)));
    Arbitrary<Breakage> breakage =
        Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(true, false), junk)
            .as(Breakage::new);
    return breakage.list().ofMinSize(0).ofMaxSize(4).map(ReportApiProperties::report);
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
