package org.mamori.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Platform administrators keep the report taxonomy at /reports/taxonomy: what they rename, add or
 * retire reaches the report form, the filing checks and the API at once; old reports keep their
 * words and the trends keep counting them.
 */
@MamoriTest
class TaxonomyPagesTest {

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;

  private RequestPostProcessor admin;
  private TestPeople.TestPerson reporter;
  private RequestPostProcessor reporterSession;

  @BeforeEach
  void signIn() throws Exception {
    admin = SignIn.as(mvc, SignIn.ADMIN);
    reporter = people.create("minamikawa-water", "reporter");
    reporterSession = SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD);
  }

  /**
   * The taxonomy is one for every test: what a test adds is retired afterwards, so the report form
   * and the trend tables (which show a retired entry only where it counted something) look to other
   * tests as the demo left them.
   */
  @AfterEach
  void retireWhatThisTestAdded() {
    for (String table : new String[] {"event_type", "cause", "impact"}) {
      jdbc.sql("update " + table + " set retired = true where code like 't-%'").update();
    }
  }

  @Test
  void anAdministratorRenamesAnEventTypeAndTheReportFormShowsTheNewName() throws Exception {
    String code = newCode();
    add("event-types", code, "AVAILABILITY", "試験の種類 " + code, "40")
        .andExpect(redirectedUrl("/reports/taxonomy#event-types"));

    Document page = Pages.get(mvc, admin, "/reports/taxonomy/event-types/{code}", code);
    assertThat(page.select("#nameJa").val()).isEqualTo("試験の種類 " + code);
    assertThat(page.select("#entry-group").text()).isEqualTo("可用性 (使えなくなる)");
    mvc.perform(
            post("/reports/taxonomy/event-types/{code}", code)
                .with(admin)
                .with(csrf())
                .param("nameJa", "改名した種類 " + code)
                .param("nameEn", "Renamed kind " + code)
                .param("hintJa", "名前を変えた試験用の項目")
                .param("hintEn", "")
                .param("order", "41"))
        .andExpect(redirectedUrl("/reports/taxonomy#event-types"));

    Element choice = choice(Pages.get(mvc, reporterSession, "/reports/new"), "eventType", code);
    assertThat(choice.parent().text())
        .contains("改名した種類 " + code, "名前を変えた試験用の項目")
        .doesNotContain("試験の種類");
    Element english =
        choice(Pages.get(mvc, reporterSession, "/reports/new?lang=en"), "eventType", code);
    assertThat(english.parent().text()).contains("Renamed kind " + code);

    Element row =
        Pages.get(mvc, admin, "/reports/taxonomy").selectFirst("tr[data-code=" + code + "]");
    assertThat(row.text()).contains("41", "改名した種類 " + code, "可用性 (使えなくなる)", "使用中");
    assertThat(people.auditEntries("sharing.taxonomy.added", code)).isEqualTo(1);
    assertThat(people.auditEntries("sharing.taxonomy.changed", code)).isEqualTo(1);
  }

  @Test
  void anAdministratorAddsACauseThatAReportCanChooseAndTheTrendsKeepCountingOnceRetired()
      throws Exception {
    String code = newCode();
    String name = "試験の原因 " + code;
    add("causes", code, "INTENTIONAL", name, "8").andExpect(status().is3xxRedirection());

    Document form = Pages.get(mvc, reporterSession, "/reports/new");
    assertThat(choice(form, "causes", code).parent().text()).isEqualTo(name);
    String reference =
        ReportRequests.reference(
            mvc.perform(report("新しい原因で報告", "unavailable", "degraded", code).with(reporterSession)));
    assertThat(Pages.get(mvc, reporterSession, "/reports/" + reference).text()).contains(name);

    retire("causes", code);
    assertThat(Pages.get(mvc, reporterSession, "/reports/new").select("input[value=" + code + "]"))
        .isEmpty();
    Document trends = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends?cause=" + code);
    Element counted =
        trends.getElementById("by-cause").selectFirst("tr[data-row=\"" + name + "\"]");
    assertThat(counted).isNotNull();
    assertThat(counted.select("td").last().text()).isEqualTo("1");
  }

  @Test
  void aRetiredImpactIsNoLongerOfferedWhileTheReportsThatChoseItStillShowIt() throws Exception {
    String code = newCode();
    String name = "試験の影響 " + code;
    add("impacts", code, "", name, "7").andExpect(status().is3xxRedirection());
    String old =
        ReportRequests.reference(
            mvc.perform(report("使わなくなる影響で報告", "unavailable", code).with(reporterSession)));

    retire("impacts", code);

    assertThat(Pages.get(mvc, reporterSession, "/reports/new").select("input[name=impact]"))
        .extracting(input -> input.val())
        .contains("degraded")
        .doesNotContain(code);
    assertThat(Pages.get(mvc, reporterSession, "/reports/" + old).text()).contains(name);
    Document entry = Pages.get(mvc, admin, "/reports/taxonomy/impacts/{code}", code);
    assertThat(entry.select("#entry-state").text()).isEqualTo("使用をやめた項目");
    assertThat(people.auditEntries("sharing.taxonomy.retired", code)).isEqualTo(1);

    Document refused =
        Jsoup.parse(
            mvc.perform(report("使えない影響で報告", "unavailable", code).with(reporterSession))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(refused.select(".error-summary").text())
        .contains("選んだサービスへの影響は、今は使われていません。一覧にあるものから選び直してください。");
    assertThat(refused.select("#summary").text()).isEqualTo("使えない影響で報告");
    assertThat(reportsTitled("使えない影響で報告")).isZero();

    String token =
        Tokens.create(
            mvc, reporterSession, people.organisation("minamikawa-water").toString(), "WRITE");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String problem =
        mvc.perform(
                post("/api/reports")
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "en")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"stage": "FIRST", "summary": "API report", "occurredAt": "%s",
                         "detectedAt": "%s", "eventType": "unavailable", "impact": "%s",
                         "tlp": "AMBER", "emergency": false}
                        """
                            .formatted(now.minusSeconds(7200), now.minusSeconds(3600), code)))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(problem)
        .contains("\"code\":\"report.impact.retired\"")
        .contains("The effect on the service you chose is no longer used.");
  }

  @Test
  void aRefusedEntryIsNamedByItsFieldsAndEverythingTypedIsKept() throws Exception {
    Document first =
        refused(
            post("/reports/taxonomy/event-types")
                .param("code", "Ransom Ware")
                .param("group", "LEADS_TO")
                .param("nameJa", " ")
                .param("nameEn", "Ransomware")
                .param("hintJa", "身代金を求めるマルウェア")
                .param("order", "九"));
    assertThat(first.select(".error-summary a[href=#nameJa]").text())
        .isEqualTo("名前 (日本語) を入力してください。");
    assertThat(first.select(".error-summary a[href=#order]").text())
        .isEqualTo("順番は、1 から 9999 までの整数で入力してください。");
    assertThat(first.select("#order-error").text()).isNotEmpty();
    assertThat(first.select("#code-error").text()).startsWith("コードは、半角の英小文字・数字・ハイフン (-) で");
    assertThat(first.select("#group-error")).isEmpty();
    assertThat(first.select("#code").val()).isEqualTo("Ransom Ware");
    assertThat(first.select("input[name=group][checked]").val()).isEqualTo("LEADS_TO");
    assertThat(first.select("#nameEn").val()).isEqualTo("Ransomware");
    assertThat(first.select("#hintJa").text()).isEqualTo("身代金を求めるマルウェア");
    assertThat(first.select("#order").val()).isEqualTo("九");

    Document badCode =
        refused(
            entry("event-types", "Ransom Ware", "LEADS_TO", "ランサムウェア", "9").param("lang", "en"));
    assertThat(badCode.select("#code-error").text())
        .startsWith("Use lowercase letters, digits and hyphens (-) for the code");

    assertThat(
            refused(entry("event-types", "malware", "LEADS_TO", "ランサムウェア", "9"))
                .select("#code-error")
                .text())
        .isEqualTo("コード「malware」は、この一覧で既に使われています (使うのをやめた項目も含みます)。別のコードにしてください。");
    String code = newCode();
    assertThat(
            refused(entry("event-types", code, "LEADS_TO", "マルウェア等の感染", "9"))
                .select("#nameJa-error")
                .text())
        .contains("「マルウェア等の感染」という名前は");
    assertThat(
            refused(entry("event-types", code, "", "ランサムウェア", "9")).select("#group-error").text())
        .isEqualTo("分類を選んでください。");
    assertThat(
            jdbc.sql("select count(*) from event_type where code = :code")
                .param("code", code)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theLastEntryAReportCanChooseCannotBeRetired() throws Exception {
    String code = newCode();
    add("impacts", code, "", "試験の最後の影響 " + code, "9").andExpect(status().is3xxRedirection());
    // Every other impact is retired behind the page's back; the demo's return when the test ends.
    jdbc.sql("update impact set retired = true where code <> :code").param("code", code).update();
    try {
      mvc.perform(
              post("/reports/taxonomy/impacts/{code}/retirement", code)
                  .with(admin)
                  .with(csrf())
                  .param("retired", "true"))
          .andExpect(redirectedUrl("/reports/taxonomy/impacts/" + code));
      Document entry = Pages.get(mvc, admin, "/reports/taxonomy/impacts/{code}", code);
      assertThat(entry.select(".alert-danger").text()).contains("最後の項目");
      assertThat(entry.select("#entry-state").text()).isEqualTo("使用中");
    } finally {
      jdbc.sql("update impact set retired = false where code not like 't-%'").update();
    }
  }

  @Test
  void onlyPlatformAdministratorsSeeOrChangeTheTaxonomy() throws Exception {
    RequestPostProcessor organisationAdmin =
        SignIn.as(
            mvc,
            people.create("minamikawa-water", "org-admin", "reporter").email(),
            TestPeople.PASSWORD);
    for (RequestPostProcessor who :
        new RequestPostProcessor[] {reporterSession, organisationAdmin}) {
      for (String page :
          new String[] {
            "/reports/taxonomy", "/reports/taxonomy/new/causes", "/reports/taxonomy/causes/unknown"
          }) {
        mvc.perform(get(page).with(who)).andExpect(status().isForbidden());
      }
      mvc.perform(entry("causes", newCode(), "OTHER", "権限のない追加", "9").with(who))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/reports/taxonomy/event-types/unavailable")
                  .with(who)
                  .with(csrf())
                  .param("nameJa", "権限のない変更")
                  .param("order", "4"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/reports/taxonomy/impacts/degraded/retirement")
                  .with(who)
                  .with(csrf())
                  .param("retired", "true"))
          .andExpect(status().isForbidden());
      assertThat(Pages.get(mvc, who, "/reports").select("a[href=/reports/taxonomy]")).isEmpty();
    }
    assertThat(Pages.get(mvc, admin, "/reports").select("a[href=/reports/taxonomy]")).hasSize(1);
    assertThat(Pages.get(mvc, reporterSession, "/reports/new").text())
        .contains("システム等の利用困難", "サービスの質が下がった");
  }

  private org.springframework.test.web.servlet.ResultActions add(
      String list, String code, String group, String nameJa, String order) throws Exception {
    return mvc.perform(entry(list, code, group, nameJa, order).with(admin));
  }

  private static MockHttpServletRequestBuilder entry(
      String list, String code, String group, String nameJa, String order) {
    return post("/reports/taxonomy/{list}", list)
        .with(csrf())
        .param("code", code)
        .param("group", group)
        .param("nameJa", nameJa)
        .param("nameEn", "")
        .param("hintJa", "")
        .param("hintEn", "")
        .param("order", order);
  }

  private Document refused(MockHttpServletRequestBuilder request) throws Exception {
    return Jsoup.parse(
        mvc.perform(request.with(admin).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private void retire(String list, String code) throws Exception {
    mvc.perform(
            post("/reports/taxonomy/{list}/{code}/retirement", list, code)
                .with(admin)
                .with(csrf())
                .param("retired", "true"))
        .andExpect(redirectedUrl("/reports/taxonomy/" + list + "/" + code));
  }

  /** A first report through the form, with the event type, impact and causes given. */
  private static MockHttpServletRequestBuilder report(
      String summary, String eventType, String impact, String... causes) {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    MockHttpServletRequestBuilder request =
        post("/reports")
            .with(csrf())
            .param("stage", "FIRST")
            .param("summary", summary)
            .param("eventType", eventType)
            .param("occurredAt", ReportRequests.FIELD.format(now.minusHours(2)))
            .param("detectedAt", ReportRequests.FIELD.format(now.minusHours(1)))
            .param("impact", impact)
            .param("tlp", "GREEN")
            .param("_emergency", "on");
    return causes.length == 0 ? request : request.param("causes", causes);
  }

  private long reportsTitled(String summary) {
    return jdbc.sql("select count(*) from report_version where summary = :summary")
        .param("summary", summary)
        .query(Long.class)
        .single();
  }

  private static Element choice(Document form, String field, String code) {
    Element input = form.selectFirst("input[name=" + field + "][value=" + code + "]");
    assertThat(input).as(field + " " + code + " offered").isNotNull();
    return input;
  }

  /** Codes of this class start with t- (see {@link #retireWhatThisTestAdded}). */
  private static String newCode() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
