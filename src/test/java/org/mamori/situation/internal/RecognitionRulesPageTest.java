package org.mamori.situation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The recognition rules on their page: read in plain words by administrators and duty officers,
 * edited by administrators only, refused with the reason when a threshold makes no sense, audited;
 * and the one evaluator weighs the next report by the rule as just saved.
 */
@MamoriTest
class RecognitionRulesPageTest {

  private static final String RULE = "intentional-outage-3-sectors";
  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired SituationDesk desk;

  @Test
  void administratorsChangeARuleAndTheNextReportIsWeighedByIt() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    RequestPostProcessor officer =
        SignIn.as(mvc, people.create("national-hub", "duty-officer").email(), TestPeople.PASSWORD);
    Map<String, Object> before =
        jdbc.sql(
                """
                select name_ja, name_en, min_sectors, min_reports, window_minutes, proposed_level,
                       enabled
                from recognition_rule where code = :code
                """)
            .param("code", RULE)
            .query()
            .singleRow();

    Document read = Pages.get(mvc, officer, "/situations/rules");
    assertThat(read.select("#rule-" + RULE + " .rule-description").text())
        .isEqualTo(
            "%s時間以内に、意図的な原因 (攻撃など) でサービスが止まった (または使えなくなった) 報告が、%s分野以上から合わせて%s件以上届いたら、「大規模サイバー攻撃事態」を提案します。"
                .formatted(
                    (Integer) before.get("window_minutes") / 60,
                    before.get("min_sectors"),
                    before.get("min_reports")));
    assertThat(read.select("form[action^=/situations/rules]"))
        .as("duty officers only read")
        .isEmpty();
    mvc.perform(rule("1", "1", "6", "cyber-attack", true).with(officer))
        .andExpect(status().isForbidden());

    Document refused =
        Jsoup.parse(
            mvc.perform(rule("0", "", "9999", "normal", true).with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(refused.select("#rule-errors li").eachText())
        .containsExactly(
            "分野の数は、1から15までの整数で入れてください。",
            "合わせて何件以上届いたら提案するかを、数で入れてください。",
            "時間は、1から720までの整数で入れてください。",
            "提案する段階を、一覧から選んでください (通常時は選べません)。");
    assertThat(refused.select("#windowHours-" + RULE).val()).isEqualTo("9999");
    assertThat(minSectors()).isEqualTo(before.get("min_sectors"));

    String sector = "chemical";
    try {
      mvc.perform(rule("1", "1", "6", "cyber-attack", true).with(admin))
          .andExpect(status().is3xxRedirection());
      assertThat(minSectors()).isEqualTo(1);
      assertThat(people.auditEntries("situation.rule.edited", RULE)).isPositive();
      assertThat(Pages.get(mvc, admin, "/situations/rules").select("#rule-" + RULE).text())
          .contains("6時間以内に", "1分野以上から合わせて1件以上");

      String reference = fileIntentionalOutage(sector);
      List<UUID> behind = desk.observe(reference);
      assertThat(proposalsFromRule(behind)).as("proposed at once").isNotEmpty();
      for (UUID proposal : proposalsFromRule(behind)) {
        mvc.perform(
                post("/situations/proposals/{id}/dismiss", proposal)
                    .with(officer)
                    .with(csrf())
                    .param("reason", "試験のため見送る"))
            .andExpect(status().is3xxRedirection());
      }

      mvc.perform(rule("1", "1", "6", "cyber-attack", false).with(admin))
          .andExpect(status().is3xxRedirection());
      assertThat(Pages.get(mvc, admin, "/situations/rules").select("#rule-" + RULE).text())
          .contains("停止中");
      assertThat(proposalsFromRule(desk.observe(fileIntentionalOutage(sector))))
          .as("switched off")
          .isEmpty();
    } finally {
      mvc.perform(
              rule(
                      before.get("min_sectors").toString(),
                      before.get("min_reports").toString(),
                      String.valueOf((Integer) before.get("window_minutes") / 60),
                      (String) before.get("proposed_level"),
                      (Boolean) before.get("enabled"),
                      (String) before.get("name_ja"),
                      (String) before.get("name_en"))
                  .with(admin))
          .andExpect(status().is3xxRedirection());
    }
  }

  private MockHttpServletRequestBuilder rule(
      String sectors, String reports, String hours, String level, boolean enabled) {
    return rule(
        sectors, reports, hours, level, enabled, "意図的な停止 (試験)", "Intentional outage (test)");
  }

  private MockHttpServletRequestBuilder rule(
      String sectors,
      String reports,
      String hours,
      String level,
      boolean enabled,
      String nameJa,
      String nameEn) {
    MockHttpServletRequestBuilder request =
        post("/situations/rules/{code}", RULE)
            .with(csrf())
            .param("nameJa", nameJa)
            .param("nameEn", nameEn)
            .param("minSectors", sectors)
            .param("minReports", reports)
            .param("windowHours", hours)
            .param("proposedLevel", level);
    return enabled ? request.param("enabled", "true") : request;
  }

  private List<UUID> proposalsFromRule(List<UUID> proposals) {
    return proposals.stream()
        .filter(
            id ->
                jdbc.sql(
                            "select count(*) from situation_proposal where id = :id and rule_code = :rule and state = 'PENDING'")
                        .param("id", id)
                        .param("rule", RULE)
                        .query(Long.class)
                        .single()
                    == 1)
        .toList();
  }

  private Object minSectors() {
    return jdbc.sql("select min_sectors from recognition_rule where code = :code")
        .param("code", RULE)
        .query(Integer.class)
        .single();
  }

  /** An intentional outage reported on the emergency route, so it reaches the hub at once. */
  private String fileIntentionalOutage(String sector) throws Exception {
    TestPeople.TestPerson reporter = people.create(people.newOperator(sector), "reporter");
    RequestPostProcessor session = SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD);
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    String location =
        mvc.perform(
                post("/reports")
                    .with(session)
                    .with(csrf())
                    .param("stage", "FIRST")
                    .param("summary", "制御系への不正アクセスで停止")
                    .param("eventType", "unavailable")
                    .param("occurredAt", FIELD.format(now.minusHours(2)))
                    .param("detectedAt", FIELD.format(now.minusHours(1)))
                    .param("impact", "stopped")
                    .param("causes", "ddos")
                    .param("tlp", "GREEN")
                    .param("emergency", "true"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/reports/R");
    return location.substring("/reports/".length());
  }
}
