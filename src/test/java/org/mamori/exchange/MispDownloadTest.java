package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.exchange.internal.misp.MispImport;
import org.mamori.exchange.internal.misp.MispImportResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "MISP (JSON)" downloads: the item as one MISP event for whoever may read it, its newest
 * indicators as attributes and its marking as the tlp tag, and nothing for anyone else; a MISP
 * import of the download gives the indicators back.
 */
@MamoriTest
class MispDownloadTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JsonMapper json;

  StixScenarios scenarios;
  RequestPostProcessor reporter;
  RequestPostProcessor otherSector;

  @BeforeEach
  void people() throws Exception {
    scenarios = new StixScenarios(mvc);
    reporter =
        SignIn.as(mvc, people.create("asahino-power", "reporter").email(), TestPeople.PASSWORD);
    otherSector =
        SignIn.as(mvc, people.create("minamikawa-water", "reporter").email(), TestPeople.PASSWORD);
  }

  @Test
  void anAdvisoryDownloadsAsAMispEventWhoseImportGivesTheIndicatorsBack() throws Exception {
    String title = "MISP 配信 " + unique();
    String advisory = scenarios.advisory(SignIn.as(mvc, SignIn.MINISTRY), title);

    MockHttpServletResponse download = download("/advisories/" + advisory + "/misp", otherSector);

    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getContentType()).startsWith("application/json");
    assertThat(download.getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("mamori-" + advisory + ".misp.json");
    JsonNode event = json.readTree(download.getContentAsString(StandardCharsets.UTF_8));
    assertThat(event.at("/Event/info").asString()).isEqualTo(title);
    assertThat(tags(event)).contains("tlp:green");
    MispImportResult back =
        new MispImport().read(new ByteArrayInputStream(download.getContentAsByteArray()));
    assertThat(patterns(back))
        .anySatisfy(pattern -> assertThat(pattern).contains("203.0.113.9"))
        .anySatisfy(pattern -> assertThat(pattern).contains("update-vpn.example"));
    assertThat(
            Pages.get(mvc, otherSector, "/advisories/" + advisory)
                .select("#misp-download")
                .attr("href"))
        .isEqualTo("/advisories/" + advisory + "/misp");
  }

  @Test
  void aReportDownloadsItsNewestVersionOnceEachForItsReadersOnly() throws Exception {
    String report = scenarios.reportWithThreeVersions(reporter, "MISP 配信 " + unique(), "AMBER");

    MockHttpServletResponse download = download("/reports/" + report + "/misp", reporter);

    assertThat(download.getStatus()).isEqualTo(200);
    JsonNode event = json.readTree(download.getContentAsString(StandardCharsets.UTF_8));
    assertThat(tags(event)).contains("tlp:amber");
    // the final version lists one indicator: one attribute, not one more for its observable
    assertThat(event.at("/Event/Attribute").values())
        .extracting(attribute -> attribute.get("value").asString())
        .containsExactly("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    MispImportResult back =
        new MispImport().read(new ByteArrayInputStream(download.getContentAsByteArray()));
    assertThat(patterns(back))
        .singleElement()
        .satisfies(
            pattern ->
                assertThat(pattern)
                    .contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

    assertThat(download("/reports/" + report + "/misp", otherSector).getStatus()).isEqualTo(403);
    assertThat(download("/reports/R1999-99999/misp", otherSector).getStatus()).isEqualTo(404);
    String otherToken =
        Tokens.create(mvc, otherSector, people.organisation("minamikawa-water").toString(), "READ");
    assertThat(api("/api/reports/" + report + "/misp", otherToken).getStatus()).isEqualTo(403);
    String token =
        Tokens.create(mvc, reporter, people.organisation("asahino-power").toString(), "READ");
    assertThat(api("/api/reports/" + report + "/misp", token).getStatus()).isEqualTo(200);
    assertThat(Pages.get(mvc, reporter, "/reports/" + report).select("#misp-download").attr("href"))
        .isEqualTo("/reports/" + report + "/misp");
  }

  private static List<String> tags(JsonNode event) {
    return event.at("/Event/Tag").values().stream().map(tag -> tag.get("name").asString()).toList();
  }

  private static List<String> patterns(MispImportResult imported) {
    return imported.objects().stream()
        .filter(object -> object.get("type").asString().equals("indicator"))
        .map(object -> object.get("pattern").asString())
        .toList();
  }

  private MockHttpServletResponse download(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who)).andReturn().getResponse();
  }

  private MockHttpServletResponse api(String path, String token) throws Exception {
    return mvc.perform(get(path).header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
