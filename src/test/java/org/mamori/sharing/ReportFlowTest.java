package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A report's life: filed by an operator, passed up the sharing map, followed up, re-marked. */
@MamoriTest
class ReportFlowTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  ReportRequests requests;
  RequestPostProcessor waterReporter;
  RequestPostProcessor mlitLiaison;

  @BeforeEach
  void people() throws Exception {
    requests = new ReportRequests(mvc);
    waterReporter = SignIn.as(mvc, "operator@demo.example");
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    mlitLiaison = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
  }

  @Test
  void aReportTravelsFromTheOperatorToItsMinistryAndCeptoarThenToTheHub() throws Exception {
    String reference =
        ReportRequests.reference(requests.file(waterReporter, "浄水場の監視端末が停止", "AMBER"));
    Document filed = page(waterReporter, "/reports/" + reference);
    assertThat(filed.select("h1").text()).isEqualTo("浄水場の監視端末が停止");
    assertThat(filed.select(".tlp").first().text()).isEqualTo("TLP:AMBER");
    assertThat(filed.select("#timeline-heading + table").text())
        .contains("国土交通省 に届きました", "水道セプター に届きました")
        .doesNotContain("国家サイバー統括室 に届きました");

    Document inbox = page(mlitLiaison, "/reports?box=RECEIVED");
    assertThat(inbox.select("tr:contains(" + reference + ")").text()).contains("伝達待ち");
    mvc.perform(
            post("/reports/" + reference + "/forward")
                .with(mlitLiaison)
                .with(csrf())
                .param("assessment", "水道分野で同様の事案なし"))
        .andExpect(status().is3xxRedirection());

    Document atHub = page(SignIn.as(mvc, SignIn.ANALYST), "/reports/" + reference);
    assertThat(atHub.select("#timeline-heading + table").text())
        .contains("国家サイバー統括室 に届きました (国土交通省 から)", "見立て: 水道分野で同様の事案なし");
  }

  @Test
  void anOperatorInAnotherSectorCannotReadAnAmberReport() throws Exception {
    String reference =
        ReportRequests.reference(requests.file(waterReporter, "配水ポンプ制御の不具合", "AMBER"));
    TestPeople.TestPerson other = people.create("asahino-power", "reporter");
    RequestPostProcessor powerReporter = SignIn.as(mvc, other.email(), TestPeople.PASSWORD);
    mvc.perform(get("/reports/" + reference).with(powerReporter)).andExpect(status().isForbidden());
    assertThat(page(powerReporter, "/reports?box=ALL").text()).doesNotContain(reference);
  }

  @Test
  void aFollowUpShowsWhatChangedAndReachesEveryoneTheCaseReached() throws Exception {
    String reference = ReportRequests.reference(requests.file(waterReporter, "遠隔監視の通信断", "AMBER"));
    Document form = page(waterReporter, "/reports/" + reference + "/versions/new");
    assertThat(form.select("#summary").text()).isEqualTo("遠隔監視の通信断");
    mvc.perform(
            post("/reports/" + reference + "/versions")
                .with(waterReporter)
                .with(csrf())
                .param("stage", "FOLLOW_UP")
                .param("summary", "遠隔監視の通信断 (原因判明)")
                .param("eventType", "unavailable")
                .param("occurredAt", form.select("#occurredAt").val())
                .param("detectedAt", form.select("#detectedAt").val())
                .param("impact", "stopped")
                .param("causes", "equipment-failure")
                .param("tlp", "AMBER")
                .param("_emergency", "on"))
        .andExpect(status().is3xxRedirection());
    Document atMinistry = page(mlitLiaison, "/reports/" + reference);
    assertThat(atMinistry.select("h1").text()).isEqualTo("遠隔監視の通信断 (原因判明)");
    assertThat(atMinistry.select("#version-2").text())
        .contains("続報", "何が起きたか", "サービスへの影響", "原因")
        .doesNotContain("始まった日時");
  }

  @Test
  void aRecipientMayNarrowTheSharingButOnlyTheOriginatorMayWidenIt() throws Exception {
    String reference =
        ReportRequests.reference(requests.file(waterReporter, "不審な管理者ログイン", "AMBER"));
    mvc.perform(
            post("/reports/" + reference + "/marking")
                .with(mlitLiaison)
                .with(csrf())
                .param("tlp", "AMBER_STRICT"))
        .andExpect(status().is3xxRedirection());
    assertThat(page(mlitLiaison, "/reports/" + reference).select(".tlp").first().text())
        .isEqualTo("TLP:AMBER+STRICT");
    mvc.perform(
        post("/reports/" + reference + "/marking")
            .with(mlitLiaison)
            .with(csrf())
            .param("tlp", "GREEN"));
    assertThat(page(mlitLiaison, "/reports/" + reference).select(".tlp").first().text())
        .isEqualTo("TLP:AMBER+STRICT");
    mvc.perform(
        post("/reports/" + reference + "/marking")
            .with(waterReporter)
            .with(csrf())
            .param("tlp", "GREEN"));
    assertThat(page(waterReporter, "/reports/" + reference).select(".tlp").first().text())
        .isEqualTo("TLP:GREEN");
  }

  @Test
  void aRedReportReachesOnlyTheNamedPeople() throws Exception {
    String reference =
        ReportRequests.reference(
            mvc.perform(
                ReportRequests.firstReport("幹部宛ての標的型メール", "RED")
                    .param("redRecipients", "analyst@demo.example")
                    .with(waterReporter)));
    assertThat(page(SignIn.as(mvc, SignIn.ANALYST), "/reports/" + reference).select("h1").text())
        .isEqualTo("幹部宛ての標的型メール");
    mvc.perform(get("/reports/" + reference).with(mlitLiaison)).andExpect(status().isForbidden());
    mvc.perform(get("/reports/" + reference).with(SignIn.as(mvc, SignIn.DUTY_OFFICER)))
        .andExpect(status().isForbidden());
  }

  @Test
  void aMissingAnswerIsNamedAndEverythingTypedIsKept() throws Exception {
    String html =
        mvc.perform(
                ReportRequests.firstReport("", "AMBER")
                    .param("details", "午前9時ごろから画面が固まる")
                    .with(waterReporter))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document form = Jsoup.parse(html);
    assertThat(form.select(".error-summary a[href=#summary]").text()).isEqualTo("何が起きたかを入力してください。");
    assertThat(form.select("#details").text()).isEqualTo("午前9時ごろから画面が固まる");
    assertThat(form.select("input[name=eventType][checked]").val()).isEqualTo("unavailable");
  }

  @Test
  void aHalfWrittenReportIsSavedAndResumed() throws Exception {
    String location =
        mvc.perform(
                post("/reports")
                    .with(waterReporter)
                    .with(csrf())
                    .param("action", "draft")
                    .param("summary", "書きかけ: 取水口の異常")
                    .param("_emergency", "on"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(page(waterReporter, location).select("#summary").text()).isEqualTo("書きかけ: 取水口の異常");
    assertThat(page(waterReporter, "/reports").select("#drafts-heading + ul").text())
        .contains("書きかけ: 取水口の異常");
  }

  @Test
  void whereTheOrganisationAsksForItAManagerApprovesBeforeTheReportLeaves() throws Exception {
    TestPeople.TestPerson reporter = people.create("minamikawa-water", "reporter");
    RequestPostProcessor newReporter = SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD);
    approvalRequired(true);
    try {
      String reference = ReportRequests.reference(requests.file(newReporter, "承認が必要な報告", "AMBER"));
      mvc.perform(get("/reports/" + reference).with(mlitLiaison)).andExpect(status().isForbidden());
      RequestPostProcessor approver = SignIn.as(mvc, "approver@demo.example");
      assertThat(page(approver, "/reports/" + reference).select("#approval-heading").text())
          .contains("第1版が承認を待っています");
      mvc.perform(
              post("/reports/" + reference + "/versions/1/decision")
                  .with(approver)
                  .with(csrf())
                  .param("approve", "true"))
          .andExpect(status().is3xxRedirection());
      assertThat(page(mlitLiaison, "/reports/" + reference).select("h1").text())
          .isEqualTo("承認が必要な報告");
    } finally {
      approvalRequired(false);
    }
  }

  @Test
  void approvalCannotBeRequiredWhereNobodyCanApprove() throws Exception {
    TestPeople.TestPerson admin = people.create("asahino-power", "org-admin");
    RequestPostProcessor powerAdmin = SignIn.as(mvc, admin.email(), TestPeople.PASSWORD);
    Document settings = page(powerAdmin, "/reports/settings");
    assertThat(settings.text()).contains("承認者がいません");
    String problem =
        mvc.perform(
                post("/reports/settings")
                    .with(powerAdmin)
                    .with(csrf())
                    .param("approvalRequired", "true"))
            .andReturn()
            .getFlashMap()
            .get("problem")
            .toString();
    assertThat(problem).isEqualTo("reportingSettings.noApprover");
    mvc.perform(get("/reports/settings").with(mlitLiaison)).andExpect(status().isForbidden());
  }

  /** The water utility's administrator (operator@demo) turns approval on or off on its page. */
  private void approvalRequired(boolean required) throws Exception {
    mvc.perform(
            post("/reports/settings")
                .with(waterReporter)
                .with(csrf())
                .param("approvalRequired", String.valueOf(required)))
        .andExpect(status().is3xxRedirection());
    assertThat(
            page(waterReporter, "/reports/settings").select("#approvalRequired").hasAttr("checked"))
        .isEqualTo(required);
  }

  private Document page(RequestPostProcessor who, String url) throws Exception {
    return Pages.get(mvc, who, url);
  }
}
