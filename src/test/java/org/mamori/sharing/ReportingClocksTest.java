package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.mamori.situation.SituationCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting clocks (報告期限) over HTTP: a new chemical-sector operator's reports show the next report
 * due on the page, in its own list and in the API, under the domestic regime, then under NIS2 once
 * its administrator chooses it, then with an open situation's shorter follow-up interval; a first
 * report awaiting approval past its deadline shows overdue, in red. Platform administrators add
 * regimes, and wrong figures are refused in plain words.
 */
@MamoriTest
class ReportingClocksTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  SituationCalls calls;

  @BeforeEach
  void situationCalls() {
    calls = new SituationCalls(mvc, jdbc);
  }

  @Autowired JsonMapper json;

  @Test
  void theNextReportDueFollowsTheRegimeAndAnOpenSituation() throws Exception {
    String operator = people.newOperator("chemical");
    TestPeople.TestPerson reporter = people.create(operator, "reporter", "org-admin");
    people.create(operator, "approver");
    RequestPostProcessor session = SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD);
    String token = Tokens.create(mvc, session, people.organisation(operator).toString(), "READ");

    // Domestic: after the first report, the final report waits for recovery.
    String sent =
        ReportRequests.reference(
            mvc.perform(ReportRequests.firstReport("反応槽の制御端末が停止", "AMBER").with(session)));
    Document page = Pages.get(mvc, session, "/reports/{ref}", sent);
    assertThat(page.select("#next-due-heading").text()).isEqualTo("次の報告期限");
    assertThat(page.select("#next-due-item").text()).isEqualTo("最終報");
    assertThat(page.select("#next-due-waiting").text()).contains("復旧したと報告したら");
    assertThat(page.select("#next-due-basis").text()).contains("国内標準");
    assertThat(page.select("#next-due-overdue")).isEmpty();
    JsonNode due = nextDue(token, sent);
    assertThat(due.get("item").asString()).isEqualTo("FINAL_REPORT");
    assertThat(due.hasNonNull("dueAt")).isFalse();
    assertThat(due.get("regime").asString()).isEqualTo("domestic");

    // A first report awaiting approval, noticed three hours ago: 60 minutes have long passed.
    mvc.perform(
            post("/reports/settings").with(session).with(csrf()).param("approvalRequired", "true"))
        .andExpect(status().is3xxRedirection());
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    String late =
        ReportRequests.reference(
            mvc.perform(
                post("/reports")
                    .with(session)
                    .with(csrf())
                    .param("stage", "FIRST")
                    .param("summary", "排水処理設備の監視画面が表示されない")
                    .param("eventType", "unavailable")
                    .param("occurredAt", ReportRequests.FIELD.format(now.minusHours(4)))
                    .param("detectedAt", ReportRequests.FIELD.format(now.minusHours(3)))
                    .param("impact", "degraded")
                    .param("causes", "unknown")
                    .param("tlp", "AMBER")
                    .param("_emergency", "on")));
    Document latePage = Pages.get(mvc, session, "/reports/{ref}", late);
    assertThat(latePage.select("#next-due-item").text()).isEqualTo("速報");
    assertThat(latePage.select("#next-due-overdue").text()).contains("期限を過ぎています");
    assertThat(latePage.select("#next-due-at").hasClass("text-danger")).isTrue();
    Instant lateNoticed = detectedAt(token, late);
    assertThat(Instant.parse(nextDue(token, late).get("dueAt").asString()))
        .isEqualTo(lateNoticed.plus(Duration.ofMinutes(60)));
    Document list = Pages.get(mvc, session, "/reports?box=OURS");
    assertThat(list.select("tr:has(a:containsOwn(" + late + ")) .next-due").text())
        .contains("期限切れ", "速報");
    assertThat(
            list.select("tr:has(a:containsOwn(" + late + ")) .next-due").hasClass("text-bg-danger"))
        .isTrue();

    // NIS2: the incident notification is due 72 hours after noticing; the early warning 24 hours.
    mvc.perform(
            post("/reports/settings")
                .with(session)
                .with(csrf())
                .param("approvalRequired", "true")
                .param("regime", "nis2"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            people.auditEntries(
                "sharing.reporting-regime.chosen", people.organisation(operator).toString()))
        .isEqualTo(1);
    Instant noticed = detectedAt(token, sent);
    due = nextDue(token, sent);
    assertThat(due.get("item").asString()).isEqualTo("SECOND_REPORT");
    assertThat(Instant.parse(due.get("dueAt").asString()))
        .isEqualTo(noticed.plus(Duration.ofHours(72)));
    assertThat(due.get("overdue").asBoolean()).isFalse();
    assertThat(due.get("regime").asString()).isEqualTo("nis2");
    JsonNode lateNow = nextDue(token, late);
    assertThat(Instant.parse(lateNow.get("dueAt").asString()))
        .isEqualTo(lateNoticed.plus(Duration.ofHours(24)));
    assertThat(lateNow.get("overdue").asBoolean()).isFalse();
    assertThat(
            Pages.get(mvc, session, "/reports?box=OURS")
                .select("tr:has(a:containsOwn(" + sent + ")) .next-due")
                .text())
        .contains("詳しい続報");

    // An open situation over the chemical sector asks for a follow-up at its level's interval
    // (180 minutes out of the box; other tests may have edited the level).
    long interval =
        jdbc.sql("select follow_up_minutes from situation_level where code = 'ci-outage'")
            .query(Long.class)
            .single();
    RequestPostProcessor officer =
        SignIn.as(mvc, people.create("national-hub", "duty-officer").email(), TestPeople.PASSWORD);
    String title = "化学分野の停止 " + UUID.randomUUID();
    UUID situation = calls.open(officer, title, "ci-outage", "化学分野の複数事業者から停止の報告", "chemical");
    try {
      String reference =
          jdbc.sql("select reference from situation where id = :id")
              .param("id", situation)
              .query(String.class)
              .single();
      Instant since =
          jdbc.sql("select max(decided_at) from situation_level_change where situation_id = :id")
              .param("id", situation)
              .query(java.time.OffsetDateTime.class)
              .single()
              .toInstant();
      due = nextDue(token, sent);
      assertThat(due.get("item").asString()).isEqualTo("FOLLOW_UP");
      assertThat(due.get("situation").asString()).isEqualTo(reference);
      assertThat(due.get("everyMinutes").asLong()).isEqualTo(interval);
      assertThat(Instant.parse(due.get("dueAt").asString()))
          .isEqualTo(since.plus(Duration.ofMinutes(interval)));
      Document during = Pages.get(mvc, session, "/reports/{ref}", sent);
      assertThat(during.select("#next-due-item").text()).isEqualTo("続報");
      assertThat(during.select("#next-due-basis").text()).contains(reference, interval + " 分ごと");
      // Someone the report never reached reads none of it.
      TestPeople.TestPerson stranger = people.create("asahino-power", "reporter");
      mvc.perform(
              get("/reports/{ref}", sent)
                  .with(SignIn.as(mvc, stranger.email(), TestPeople.PASSWORD)))
          .andExpect(status().isForbidden());
    } finally {
      mvc.perform(
              post("/situations/{id}/close", situation)
                  .with(officer)
                  .with(csrf())
                  .param("reason", "復旧した"))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(nextDue(token, sent).get("item").asString()).isEqualTo("SECOND_REPORT");
  }

  @Test
  void platformAdministratorsAddRegimesAndWrongFiguresAreRefusedInPlainWords() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    Document regimes = Pages.get(mvc, admin, "/reports/regimes");
    assertThat(regimes.select("#regimes tr[data-code=domestic]").text())
        .contains("国内標準", "既定", "速報は気づいてから 60 分以内", "最終報は復旧の報告から 30 日以内");
    assertThat(regimes.select("#regimes tr[data-code=nis2]").text())
        .contains("NIS2型", "1440 分", "72 時間", "最終報は詳しい続報から 1 か月以内");

    String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String refused =
        mvc.perform(
                post("/reports/regimes")
                    .with(admin)
                    .with(csrf())
                    .param("code", code)
                    .param("nameJa", "試験の決まり")
                    .param("firstReportMinutes", "すぐ")
                    .param("secondReportHours", "")
                    .param("finalReportAmount", "14")
                    .param("finalReportUnit", "DAYS")
                    .param("finalReportFrom", "SECOND_REPORT")
                    .param("order", "9"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("1 以上の整数を半角で入れてください", "詳しい続報の期限を入れてください").contains("すぐ");
    assertThat(people.auditEntries("sharing.regime.added", code)).isZero();

    mvc.perform(
            post("/reports/regimes")
                .with(admin)
                .with(csrf())
                .param("code", code)
                .param("nameJa", "試験の決まり")
                .param("nameEn", "Test regime")
                .param("firstReportMinutes", "30")
                .param("followUpHours", "6")
                .param("finalReportAmount", "14")
                .param("finalReportUnit", "DAYS")
                .param("finalReportFrom", "NOTICED")
                .param("order", "9"))
        .andExpect(status().is3xxRedirection());
    assertThat(people.auditEntries("sharing.regime.added", code)).isEqualTo(1);
    assertThat(
            Pages.get(mvc, admin, "/reports/regimes")
                .select("#regimes tr[data-code=" + code + "]")
                .text())
        .contains("試験の決まり", "続報は 6 時間ごと", "最終報は気づいてから 14 日以内");
    assertThat(
            Pages.get(mvc, admin, "/reports/regimes/{code}", code)
                .select("#firstReportMinutes")
                .val())
        .isEqualTo("30");
    mvc.perform(get("/reports/regimes").with(SignIn.as(mvc, SignIn.DUTY_OFFICER)))
        .andExpect(status().isForbidden());
  }

  private JsonNode nextDue(String token, String reference) throws Exception {
    return report(token, reference).get("nextDue");
  }

  private Instant detectedAt(String token, String reference) throws Exception {
    JsonNode versions = report(token, reference).get("versions");
    return Instant.parse(versions.get(versions.size() - 1).get("detectedAt").asString());
  }

  private JsonNode report(String token, String reference) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/reports/{ref}", reference).header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
