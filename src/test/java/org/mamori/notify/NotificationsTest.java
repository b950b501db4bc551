package org.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.ReportForwarded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Notices in Mamori: who gets them, what they say, and what each person does with theirs. */
@MamoriTest
class NotificationsTest {

  static final String OPERATOR = "operator@demo.example";

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  NotifyScenarios scenarios;
  RequestPostProcessor operator;

  @BeforeEach
  void scenarios() throws Exception {
    scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    operator = SignIn.as(mvc, OPERATOR);
  }

  @Test
  void aReportReachingTheMinistryShowsInItsLiaisonsNotificationsAndTheBellCountsIt()
      throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    RequestPostProcessor session = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);

    String reference = scenarios.file(operator, "浄水場の監視画面が固まる", "AMBER");
    scenarios.awaitHandled(scenarios.reportId(reference));

    Document page = Pages.get(mvc, session, "/notifications");
    Element notice = page.select("#notification-list li:contains(" + reference + ")").first();
    assertThat(notice).isNotNull();
    assertThat(notice.text()).contains("国土交通省 に報告が届きました", "浄水場の監視画面が固まる", "TLP:AMBER", "未読");
    assertThat(notice.select("a").attr("href")).isEqualTo("/reports/" + reference);
    assertThat(page.select("a[href=/notifications] .notify-number").text())
        .isEqualTo(String.valueOf(unread(liaison)));
    assertThat(Pages.get(mvc, session, "/notifications?lang=en").text())
        .contains("A report has reached Ministry of Land");
  }

  @Test
  void thePersonWhoFiledAReportHearsThatItWasSent() throws Exception {
    TestPeople.TestPerson reporter = people.create("minamikawa-water", "reporter");
    String reference =
        scenarios.file(SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD), "塩素注入量の異常", "GREEN");
    UUID report = scenarios.reportId(reference);
    scenarios.awaitHandled(report);

    assertThat(scenarios.notifications(reporter.id(), report)).isEqualTo(1);
    assertThat(
            Pages.get(mvc, SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD), "/notifications")
                .text())
        .contains("みなみ川町上下水道課 の報告 (速報) を送りました", reference);
  }

  @Test
  void thePageScriptRefreshesTheListAloneWithoutTheRestOfThePage() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    RequestPostProcessor session = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
    String reference = scenarios.file(operator, "配水ブロックの水圧低下", "GREEN");
    scenarios.awaitHandled(scenarios.reportId(reference));

    Document page = Pages.get(mvc, session, "/notifications");
    String refresh = page.select("#notification-list").attr("data-refresh");
    assertThat(refresh).isEqualTo("/notifications/list?show=UNREAD&page=0");

    Document list = Pages.get(mvc, session, refresh);
    assertThat(list.select("#notification-list li").text()).contains(reference);
    assertThat(list.select("header, footer, h1")).isEmpty();
  }

  @Test
  void anOrganisationTheReportNeverReachedIsToldNothingEvenWhenAnEventSaysItWas() throws Exception {
    TestPeople.TestPerson stranger = people.create("ceptoar-electricity", "relay", "org-admin");
    RequestPostProcessor strangerSession = SignIn.as(mvc, stranger.email(), TestPeople.PASSWORD);
    OrganisationId ceptoar = people.organisation("ceptoar-electricity");
    setWebhook(strangerSession, "http://127.0.0.1:9/never-called");
    try {
      String reference = scenarios.file(operator, "配水池の水位計が誤表示", "AMBER");
      UUID report = scenarios.reportId(reference);
      scenarios.awaitHandled(report);

      scenarios.publish(
          new ReportForwarded(
              report, reference, people.organisation("minamikawa-water"), ceptoar, false));
      scenarios.awaitHandled(report);

      assertThat(scenarios.notifications(stranger.id(), report)).isZero();
      assertThat(scenarios.deliveries("WEBHOOK", ceptoar.value(), report)).isZero();
      assertThat(Pages.get(mvc, strangerSession, "/notifications?show=ALL").text())
          .doesNotContain(reference, "配水池の水位計が誤表示");
    } finally {
      removeWebhook(strangerSession);
    }
  }

  @Test
  void aRedReportIsToldToThePeopleItNamesAndToNobodyElseInItsOrganisationNorToItsSystem()
      throws Exception {
    TestPeople.TestPerson named = people.create("minamikawa-water", "reporter");
    TestPeople.TestPerson colleague = people.create("minamikawa-water", "approver");
    TestPeople.TestPerson administrator = people.create("minamikawa-water", "org-admin");
    RequestPostProcessor adminSession = SignIn.as(mvc, administrator.email(), TestPeople.PASSWORD);
    setWebhook(adminSession, "http://127.0.0.1:9/never-called");
    try {
      String reference = scenarios.fileRed(operator, "管理用パスワード流出の疑い", named.email());
      UUID report = scenarios.reportId(reference);
      scenarios.awaitHandled(report);

      assertThat(scenarios.notifications(named.id(), report)).isEqualTo(1);
      assertThat(scenarios.notifications(colleague.id(), report)).isZero();
      assertThat(scenarios.notifications(administrator.id(), report)).isZero();
      assertThat(
              scenarios.deliveries(
                  "WEBHOOK", people.organisation("minamikawa-water").value(), report))
          .isZero();
    } finally {
      removeWebhook(adminSession);
    }
  }

  @Test
  void anEventDeliveredTwiceNotifiesEachPersonOnce() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    String reference = scenarios.file(operator, "薬品タンクの遠隔監視が途絶", "AMBER");
    UUID report = scenarios.reportId(reference);
    scenarios.awaitHandled(report);

    ReportForwarded again =
        new ReportForwarded(
            report,
            reference,
            people.organisation("minamikawa-water"),
            people.organisation("mlit"),
            false);
    // delivered, then delivered again as a redelivery would be: after the first was handled (the
    // event publication registry tracks deliveries in progress by event and listener, so two equal
    // events in flight at once share one entry and one of them stays open until the next start)
    scenarios.publish(again);
    scenarios.awaitHandled(report);
    scenarios.publish(again);
    scenarios.awaitHandled(report);

    assertThat(scenarios.notifications(liaison.id(), report)).isEqualTo(1);
  }

  @Test
  void whoTurnedReportsOffInMamoriSeesOnlyTheUrgentOnes() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    RequestPostProcessor session = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
    mvc.perform(
            post("/notifications/preferences")
                .with(session)
                .with(csrf())
                .param("inApp", "REPORT_UPDATED", "ADVISORY_RECEIVED")
                .param("_inApp", "on")
                .param("_email", "on")
                .param("language", "JA"))
        .andExpect(redirectedUrl("/notifications/preferences"));
    assertThat(people.auditEntries("notify.preferences.changed", liaison.id().toString()))
        .isEqualTo(1);

    String reference = scenarios.file(operator, "取水ポンプの警報が鳴り続ける", "AMBER");
    UUID report = scenarios.reportId(reference);
    scenarios.awaitHandled(report);
    assertThat(scenarios.notifications(liaison.id(), report)).isZero();

    scenarios.publish(
        new ReportForwarded(
            report,
            reference,
            people.organisation("minamikawa-water"),
            people.organisation("mlit"),
            true));
    scenarios.awaitHandled(report);
    assertThat(scenarios.notifications(liaison.id(), report)).isEqualTo(1);
    assertThat(
            Pages.get(mvc, session, "/notifications")
                .select("li:contains(" + reference + ")")
                .text())
        .contains("緊急");
  }

  @Test
  void aPersonMarksTheirOwnNoticeReadAndNobodyElseCan() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    TestPeople.TestPerson colleague = people.create("mlit", "relay");
    RequestPostProcessor session = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
    String reference = scenarios.file(operator, "水質計の値が飛ぶ", "GREEN");
    UUID report = scenarios.reportId(reference);
    scenarios.awaitHandled(report);
    UUID notice =
        jdbc.sql("select id from notification where recipient = :person and item_id = :report")
            .param("person", liaison.id().value())
            .param("report", report)
            .query(UUID.class)
            .single();

    mvc.perform(
            post("/notifications/{id}/read", notice)
                .with(SignIn.as(mvc, colleague.email(), TestPeople.PASSWORD))
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(Pages.get(mvc, session, "/notifications").text()).contains(reference);

    mvc.perform(post("/notifications/{id}/read", notice).with(session).with(csrf()))
        .andExpect(redirectedUrl("/notifications?show=UNREAD"));
    assertThat(Pages.get(mvc, session, "/notifications").text()).doesNotContain(reference);
    assertThat(Pages.get(mvc, session, "/notifications?show=ALL").text()).contains(reference);
    assertThat(people.auditEntries("notify.notification.read", notice.toString())).isEqualTo(1);
  }

  @Test
  void markingAllReadEmptiesTheUnreadList() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    RequestPostProcessor session = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);
    scenarios.awaitHandled(scenarios.reportId(scenarios.file(operator, "配水管の圧力低下", "GREEN")));
    assertThat(unread(liaison)).isPositive();

    mvc.perform(post("/notifications/read-all").with(session).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(unread(liaison)).isZero();
    Document page = Pages.get(mvc, session, "/notifications");
    assertThat(page.select("#notification-list").text()).contains("未読のお知らせはありません");
    assertThat(page.select(".notify-count").hasClass("d-none")).isTrue();
  }

  @Test
  void thePreferencesPageShowsTheDefaultsAndKeepsTheTicksWhenAnswerIsMissing() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    RequestPostProcessor session = SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD);

    Document page = Pages.get(mvc, session, "/notifications/preferences");
    assertThat(page.select("input[name=email][value=REPORT_RECEIVED]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=email][value=REPORT_SENT]").hasAttr("checked")).isFalse();
    assertThat(page.select("input[name=inApp][checked]")).hasSize(6);
    assertThat(page.select("input[name=language][value=JA]").hasAttr("checked")).isTrue();

    String html =
        mvc.perform(
                post("/notifications/preferences")
                    .with(session)
                    .with(csrf())
                    .param("inApp", "ACKNOWLEDGED")
                    .param("_inApp", "on")
                    .param("email", "ADVISORY_REMINDER")
                    .param("_email", "on"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document refused = Jsoup.parse(html);
    assertThat(refused.select(".error-summary").text()).contains("メールの言語を選んでください");
    assertThat(refused.select("input[name=inApp][checked]").eachAttr("value"))
        .containsExactly("ACKNOWLEDGED");
    assertThat(refused.select("input[name=email][checked]").eachAttr("value"))
        .containsExactly("ADVISORY_REMINDER");
  }

  @Test
  void onlyAnOrganisationsAdministratorsSeeItsWebhook() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    mvc.perform(
            get("/notifications/webhook")
                .with(SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/notifications/webhook")
                .with(SignIn.as(mvc, liaison.email(), TestPeople.PASSWORD))
                .with(csrf())
                .param("url", "https://example.jp/hook")
                .param("secret", "a-secret-long-enough-1234"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aWebhookNeedsAUsableUrlAndALongEnoughSecret() throws Exception {
    TestPeople.TestPerson admin = people.create("mlit", "org-admin");
    RequestPostProcessor session = SignIn.as(mvc, admin.email(), TestPeople.PASSWORD);
    Document refused =
        Jsoup.parse(
            mvc.perform(
                    post("/notifications/webhook")
                        .with(session)
                        .with(csrf())
                        .param("url", "ftp://example.jp/hook")
                        .param("secret", "a-secret-long-enough-1234"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(refused.select(".error-summary a[href=#url]").text()).contains("https://");
    assertThat(refused.select("#url").val()).isEqualTo("ftp://example.jp/hook");
    assertThat(refused.select("#secret").val()).isEmpty();

    Document tooShort =
        Jsoup.parse(
            mvc.perform(
                    post("/notifications/webhook")
                        .with(session)
                        .with(csrf())
                        .param("url", "https://example.jp/hook")
                        .param("secret", "short"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(tooShort.select(".error-summary a[href=#secret]").text()).contains("16 文字以上");
  }

  private void setWebhook(RequestPostProcessor admin, String url) throws Exception {
    mvc.perform(
            post("/notifications/webhook")
                .with(admin)
                .with(csrf())
                .param("url", url)
                .param("secret", "test-secret-" + UUID.randomUUID()))
        .andExpect(redirectedUrl("/notifications/webhook"));
  }

  private void removeWebhook(RequestPostProcessor admin) throws Exception {
    mvc.perform(post("/notifications/webhook/remove").with(admin).with(csrf()))
        .andExpect(redirectedUrl("/notifications/webhook"));
  }

  private long unread(TestPeople.TestPerson person) {
    return jdbc.sql(
            "select count(*) from notification where recipient = :person and read_at is null")
        .param("person", person.id().value())
        .query(Long.class)
        .single();
  }
}
