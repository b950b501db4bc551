package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.directory.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A ministry or the hub publishes a sanitised version of a report for every sector: the reporter
 * anonymised, the text redacted by the editor, the indicators kept, the original still visible only
 * along its chain.
 */
@MamoriTest
class SanitisedReleaseTest {

  private static final String COMPANY = "あさひ野電力";

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor powerReporter;
  RequestPostProcessor meti;
  RequestPostProcessor water;

  @BeforeEach
  void people() throws Exception {
    powerReporter =
        SignIn.as(mvc, people.create("asahino-power", "reporter").email(), TestPeople.PASSWORD);
    meti = SignIn.as(mvc, SignIn.MINISTRY);
    water = SignIn.as(mvc, "operator@demo.example");
  }

  @Test
  void aMinistryPublishesASanitisedVersionThatHidesTheReporterAndKeepsTheIndicators()
      throws Exception {
    String report = file("AMBER", COMPANY + " 本社の制御用サーバでランサムウェアを検知");

    Document reportPage = Pages.get(mvc, meti, "/reports/" + report);
    assertThat(reportPage.select("#sanitised a[href=/advisories/new?from=" + report + "]"))
        .isNotEmpty();

    Document form = Pages.get(mvc, meti, "/advisories/new?from=" + report);
    assertThat(form.select("#title").val()).isEqualTo("制御サーバのランサムウェア感染");
    assertThat(form.select("#body").text())
        .contains("電力分野の事業者から、次の事案の報告がありました。", "システム等の利用困難", COMPANY + " 本社の制御用サーバ");
    assertThat(form.select("#indicators").text())
        .contains("198.51.100.7", "hxxp://bad[.]example/login");
    assertThat(form.select("input[name=tlp][checked]").val()).isEqualTo("GREEN");
    assertThat(form.select("input[name=sectors][checked]")).hasSize(directory.sectors().size());
    assertThat(form.select("input[name=sourceReport]").val()).isEqualTo(report);
    assertThat(form.select("#sanitise-notice").text()).contains(report, "電力分野の事業者");

    MockHttpServletRequestBuilder release =
        post("/advisories")
            .with(csrf())
            .param("title", form.select("#title").val())
            .param("body", "電力分野の事業者から、制御用サーバでのランサムウェア検知の報告がありました。")
            .param("indicators", form.select("#indicators").text())
            .param("tlp", "GREEN")
            .param("sourceReport", report);
    directory.sectors().forEach(s -> release.param("sectors", s.id().toString()));
    String advisory = AdvisoryRequests.reference(mvc.perform(release.with(meti)));
    assertThat(
            people.auditEntries(
                "sharing.advisory.sanitised-release",
                AdvisoryRequests.id(jdbc, advisory).toString()))
        .isEqualTo(1);

    String html = html(water, "/advisories/" + advisory);
    Document atWater = org.jsoup.Jsoup.parse(html);
    assertThat(atWater.select("#source").text()).contains("報告をもとに", "電力分野の事業者");
    assertThat(atWater.select("#indicators").text()).contains("198.51.100.7");
    assertThat(html).doesNotContain(report, COMPANY, "/reports/");
    assertThat(Pages.get(mvc, water, "/advisories?box=RECEIVED").text()).contains(advisory);
    mvc.perform(get("/reports/" + report).with(water)).andExpect(status().isForbidden());

    String token =
        Tokens.create(mvc, water, people.organisation("minamikawa-water").toString(), "READ");
    String json =
        mvc.perform(get("/api/advisories/" + advisory).header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json).contains("電力分野の事業者").doesNotContain(report, COMPANY);

    assertThat(
            Pages.get(mvc, water, "/advisories/" + advisory + "?lang=en").select("#source").text())
        .contains("an operator in the electric power sector");

    assertThat(
            Pages.get(mvc, meti, "/advisories/" + advisory + "?lang=ja").select("#source a").text())
        .isEqualTo(report);
    assertThat(Pages.get(mvc, meti, "/reports/" + report).select("#sanitised li").text())
        .contains(advisory, "制御サーバのランサムウェア感染");
    assertThat(Pages.get(mvc, powerReporter, "/reports/" + report).select("#sanitised li").text())
        .contains(advisory);
  }

  @Test
  void onlyTheHubAndMinistriesTheReportReachedMayPublishASanitisedVersion() throws Exception {
    String report = file("GREEN", "公開可能な範囲の説明");
    RequestPostProcessor mlit =
        SignIn.as(mvc, people.create("mlit", "relay").email(), TestPeople.PASSWORD);
    assertThat(Pages.get(mvc, mlit, "/reports/" + report).select("#sanitised")).isEmpty();
    mvc.perform(get("/advisories/new?from=" + report).with(mlit)).andExpect(status().isForbidden());
    mvc.perform(
            AdvisoryRequests.advisory("他省による加工", "GREEN")
                .param("everyone", "true")
                .param("sourceReport", report)
                .with(mlit))
        .andExpect(status().isForbidden());

    mvc.perform(get("/advisories/new?from=" + report).with(SignIn.as(mvc, SignIn.ANALYST)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/advisories/new?from=" + report).with(SignIn.as(mvc, SignIn.CEPTOAR)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/advisories/new?from=" + report).with(powerReporter))
        .andExpect(status().isForbidden());

    RequestPostProcessor hub = SignIn.as(mvc, SignIn.DUTY_OFFICER);
    assertThat(Pages.get(mvc, hub, "/advisories/new?from=" + report).select("#title").val())
        .isEqualTo("制御サーバのランサムウェア感染");
  }

  @Test
  void theHubPublishesOnlyOnceTheReportHasReachedItUnlessAnyoneMayReadIt() throws Exception {
    String report = file("AMBER", "経済産業省で止まっている報告");
    RequestPostProcessor hub = SignIn.as(mvc, SignIn.DUTY_OFFICER);
    mvc.perform(get("/advisories/new?from=" + report).with(hub)).andExpect(status().isForbidden());
    mvc.perform(post("/reports/" + report + "/forward").with(meti).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(Pages.get(mvc, hub, "/reports/" + report).select("#sanitised a")).isNotEmpty();
  }

  private String file(String tlp, String details) throws Exception {
    return ReportRequests.reference(
        mvc.perform(
            ReportRequests.firstReport("制御サーバのランサムウェア感染", tlp)
                .param("details", details)
                .with(powerReporter)));
  }

  private String html(RequestPostProcessor who, String url) throws Exception {
    return mvc.perform(get(url).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
