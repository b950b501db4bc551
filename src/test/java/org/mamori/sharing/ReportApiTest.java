package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An operator's own tool files and follows a report with a personal API token. */
@MamoriTest
class ReportApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JsonMapper json;

  @Test
  void aToolFilesAReportAndReadsItBackWithItsRoute() throws Exception {
    String token = reporterToken();
    String location =
        mvc.perform(
                post("/api/reports")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(request("監視系サーバの応答遅延", "AMBER")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    assertThat(location).startsWith("/api/reports/R");

    JsonNode report =
        json.readTree(
            mvc.perform(get(location).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(report.get("tlp").asString()).isEqualTo("AMBER");
    assertThat(report.get("versions").get(0).get("summary").asString()).isEqualTo("監視系サーバの応答遅延");
    assertThat(report.get("timeline").toString()).contains("RECEIVED", "国土交通省");
  }

  @Test
  void aRefusedReportSaysWhyFieldByFieldInTheReadersLanguage() throws Exception {
    String body =
        mvc.perform(
                post("/api/reports")
                    .header("Authorization", "Bearer " + reporterToken())
                    .header("Accept-Language", "en")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(request("", "AMBER")))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("\"field\":\"summary\"");
  }

  @Test
  void anotherSectorsTokenCannotReadTheReport() throws Exception {
    String location =
        mvc.perform(
                post("/api/reports")
                    .header("Authorization", "Bearer " + reporterToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(request("取水ポンプの異常停止", "AMBER")))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    TestPeople.TestPerson other = people.create("asahino-power", "reporter");
    String otherToken =
        Tokens.create(
            mvc,
            SignIn.as(mvc, other.email(), TestPeople.PASSWORD),
            people.organisation("asahino-power").toString(),
            "READ");
    mvc.perform(get(location).header("Authorization", "Bearer " + otherToken))
        .andExpect(status().isForbidden());
    assertThat(
            mvc.perform(get("/api/reports").header("Authorization", "Bearer " + otherToken))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(location.substring("/api/reports/".length()));
  }

  private String reporterToken() throws Exception {
    TestPeople.TestPerson reporter = people.create("minamikawa-water", "reporter");
    return Tokens.create(
        mvc,
        SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD),
        people.organisation("minamikawa-water").toString(),
        "WRITE");
  }

  private static String request(String summary, String tlp) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return """
        {"stage": "FIRST", "summary": "%s", "occurredAt": "%s", "detectedAt": "%s",
         "eventType": "unavailable", "impact": "degraded", "causes": ["unknown"],
         "tlp": "%s", "emergency": false}
        """
        .formatted(summary, now.minusSeconds(7200), now.minusSeconds(3600), tlp);
  }
}
