package org.mamori.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.directory.Directory;
import org.mamori.exchange.internal.mapping.StixMapping;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedReport;
import org.mamori.sharing.ItemExport;
import org.mamori.sharing.MarkingChanged;
import org.mamori.sharing.SharedItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "STIX 2.1 (JSON)" downloads: a bundle for whoever may read the item, of only the versions
 * they may read, and nothing for anyone else, in the browser and with an API token alike.
 */
@MamoriTest
@RecordApplicationEvents
class StixDownloadTest {

  private static final String COMPANY = "あさひ野電力";

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired ItemExport items;
  @Autowired JsonMapper json;
  @Autowired ApplicationEvents events;

  StixScenarios scenarios;
  RequestPostProcessor reporter;
  RequestPostProcessor ministry;
  RequestPostProcessor otherSector;

  @BeforeEach
  void people() throws Exception {
    scenarios = new StixScenarios(mvc);
    reporter =
        SignIn.as(mvc, people.create("asahino-power", "reporter").email(), TestPeople.PASSWORD);
    ministry = SignIn.as(mvc, SignIn.MINISTRY);
    otherSector =
        SignIn.as(mvc, people.create("minamikawa-water", "reporter").email(), TestPeople.PASSWORD);
  }

  @Test
  void aReportDownloadsAsABundleOfEveryVersionTheReaderMayRead() throws Exception {
    String report = scenarios.reportWithThreeVersions(reporter, "STIX 配信 " + unique(), "AMBER");

    MockHttpServletResponse download = download("/reports/" + report + "/stix", reporter);
    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getContentType()).startsWith("application/stix+json");
    assertThat(download.getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("mamori-" + report + ".stix.json");
    JsonNode bundle = json.readTree(download.getContentAsString(StandardCharsets.UTF_8));
    assertThat(bundle.get("type").asString()).isEqualTo("bundle");
    assertThat(ofType(bundle, "incident")).hasSize(3);
    assertThat(ofType(bundle, "marking-definition"))
        .extracting(m -> m.at("/extensions/" + TlpMarkings.TLP2_EXTENSION + "/tlp_2_0").asString())
        .contains("green", "amber");

    // the AMBER final report made the case AMBER; once its originator loosens the case again, a
    // reader elsewhere may read the case but still not the AMBER version
    assertThat(download("/reports/" + report + "/stix", otherSector).getStatus()).isEqualTo(403);
    mvc.perform(
        post("/reports/" + report + "/marking").with(reporter).with(csrf()).param("tlp", "GREEN"));
    assertThat(events.stream(MarkingChanged.class))
        .anySatisfy(
            changed -> {
              assertThat(changed.reference()).isEqualTo(report);
              assertThat(changed.item().kind()).isEqualTo(SharedItems.Kind.REPORT);
              assertThat(changed.before()).isEqualTo(Tlp.AMBER);
              assertThat(changed.after()).isEqualTo(Tlp.GREEN);
            });
    JsonNode elsewhere =
        json.readTree(
            download("/reports/" + report + "/stix", otherSector)
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(ofType(elsewhere, "incident")).hasSize(2);
    assertThat(ofType(elsewhere, "marking-definition"))
        .noneMatch(m -> m.toString().contains("\"amber\""));
    assertThat(elsewhere.toString())
        .doesNotContain("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    assertThat(Pages.get(mvc, reporter, "/reports/" + report).select("#stix-download").attr("href"))
        .isEqualTo("/reports/" + report + "/stix");
  }

  @Test
  void whoMayNotReadTheReportGetsNoBundleFromThePageOrTheApi() throws Exception {
    String report = amberReport();

    assertThat(download("/reports/" + report + "/stix", otherSector).getStatus()).isEqualTo(403);
    assertThat(download("/reports/R1999-99999/stix", otherSector).getStatus()).isEqualTo(404);
    String token =
        Tokens.create(mvc, otherSector, people.organisation("minamikawa-water").toString(), "READ");
    assertThat(api("/api/reports/" + report + "/stix", token).getStatus()).isEqualTo(403);

    String reporterToken =
        Tokens.create(mvc, reporter, people.organisation("asahino-power").toString(), "READ");
    MockHttpServletResponse fromApi = api("/api/reports/" + report + "/stix", reporterToken);
    assertThat(fromApi.getStatus()).isEqualTo(200);
    assertThat(fromApi.getHeader("Content-Disposition")).startsWith("attachment");
    assertThat(ofType(json.readTree(fromApi.getContentAsString(StandardCharsets.UTF_8)), "report"))
        .isNotEmpty();
  }

  @Test
  void aSanitisedReleaseDownloadsWithItsReporterAnonymised() throws Exception {
    String report = amberReport();
    String release = scenarios.sanitisedRelease(ministry, report, "漏えいのおそれ " + unique(), directory);
    UUID originator = people.organisation("asahino-power").value();

    MockHttpServletResponse download = download("/advisories/" + release + "/stix", otherSector);
    assertThat(download.getStatus()).isEqualTo(200);
    String bundle = download.getContentAsString(StandardCharsets.UTF_8);
    assertThat(bundle)
        .contains("電力分野の事業者", "198.51.100.7")
        .doesNotContain(COMPANY, report, originator.toString());
    assertThat(download("/reports/" + report + "/stix", otherSector).getStatus()).isEqualTo(403);
    assertThat(Pages.get(mvc, otherSector, "/advisories/" + release).select("#stix-download"))
        .isNotEmpty();
  }

  @Test
  void aReportRoundTripsThroughStixWithNothingLost() throws Exception {
    String report = scenarios.reportWithThreeVersions(reporter, "往復 " + unique(), "GREEN");
    mvc.perform(
        post("/reports/" + report + "/forward")
            .with(ministry)
            .with(csrf())
            .param("assessment", "統括室へ"));
    ExportedReport original = items.report(report).orElseThrow();
    assertThat(original.versions()).hasSize(3);
    assertThat(original.versions().get(1).indicators()).hasSize(3);
    assertThat(original.route()).isNotEmpty();

    StixMapping mapping = new StixMapping(json);
    List<JsonNode> objects = new ArrayList<>();
    json.readTree(json.writeValueAsString(mapping.bundle(mapping.report(original))))
        .get("objects")
        .values()
        .forEach(objects::add);

    assertThat(mapping.reportFrom(objects)).isEqualTo(original);
  }

  private String amberReport() throws Exception {
    return scenarios.reportWithThreeVersions(reporter, COMPANY + " 漏えい " + unique(), "AMBER");
  }

  private MockHttpServletResponse download(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who)).andReturn().getResponse();
  }

  private MockHttpServletResponse api(String path, String token) throws Exception {
    return mvc.perform(get(path).header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse();
  }

  private static List<JsonNode> ofType(JsonNode bundle, String type) {
    return bundle.get("objects").values().stream()
        .filter(o -> o.get("type").asString().equals(type))
        .toList();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
