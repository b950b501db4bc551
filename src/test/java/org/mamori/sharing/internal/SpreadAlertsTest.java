package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Released reports from two or more sectors that share an indicator or a cause within the window
 * raise one "possible spread across sectors" alert for the hub, which tells each reader only what
 * they may read.
 */
@MamoriTest
class SpreadAlertsTest {

  static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired SpreadDetector detector;

  @Test
  void twoSectorsSharingAnIndicatorRaiseOneAlertForTheHub() throws Exception {
    String indicator = uniqueDomain();
    String water =
        file(
            reporter("chuo-water-authority"),
            "浄水場への不審な通信",
            "GREEN",
            indicator.replace(".", "[.]"),
            "unknown");
    String power = file(reporter("asahino-power"), "変電所監視端末の不審な通信", "GREEN", indicator, "unknown");

    UUID alert = awaitAlert(indicator, 2);
    assertThat(sectors(alert)).isEqualTo(2);

    RequestPostProcessor analyst = SignIn.as(mvc, SignIn.ANALYST);
    Document list = Pages.get(mvc, analyst, "/trends/spread");
    assertThat(list.select("#alert-" + alert).text()).contains("同じ痕跡", "ドメイン", indicator);
    Document page = Pages.get(mvc, analyst, "/trends/spread/" + alert);
    assertThat(page.select("#alert-reports").text()).contains(water, power, "中央広域水道企業団", "あさひ野電力");
    assertThat(page.select("#alert-sectors").text()).contains("2分野", "水道", "電力");
    assertThat(page.select("#alert-unreadable")).isEmpty();
    assertThat(people.auditEntries("sharing.spread.raised", alert.toString())).isEqualTo(1);

    assertThat(detector.check(reportId(power))).containsExactly(alert);
    assertThat(alertsFor(indicator)).containsExactly(alert);
  }

  @Test
  void reportsFromOneSectorAloneRaiseNoAlert() throws Exception {
    String indicator = uniqueDomain();
    file(reporter("chuo-water-authority"), "取水設備の不審な通信", "GREEN", indicator, "unknown");
    String second = file(reporter("minamikawa-water"), "配水設備の不審な通信", "GREEN", indicator, "unknown");

    assertThat(detector.check(reportId(second))).isEmpty();
    assertThat(alertsFor(indicator)).isEmpty();
  }

  @Test
  void aReaderWhoMayNotReadAReportSeesNeitherItsReferenceNorItsOriginator() throws Exception {
    String indicator = uniqueDomain();
    String water =
        file(reporter("chuo-water-authority"), "水質監視への攻撃", "GREEN", indicator, "unknown");
    // AMBER, and not yet forwarded by the ministry: the hub may not read it.
    String power = file(reporter("aoigahama-energy"), "発電所への攻撃", "AMBER", indicator, "unknown");
    UUID alert = awaitAlert(indicator, 2);

    Document page = Pages.get(mvc, SignIn.as(mvc, SignIn.DUTY_OFFICER), "/trends/spread/" + alert);
    assertThat(page.select("#alert-reports").text()).contains(water, "中央広域水道企業団");
    assertThat(page.text()).doesNotContain(power, "葵ヶ浜エネルギー", "発電所への攻撃", "電力");
    assertThat(page.select("#alert-sectors").text()).contains("2分野", "水道", "ほかに1分野");
    assertThat(page.select("#alert-unreadable").text()).contains("見られない報告が1件");
    assertThat(page.select("#alert-facts").text()).contains(indicator);

    Document atMinistry = Pages.get(mvc, SignIn.as(mvc, SignIn.MINISTRY), "/reports/" + power);
    assertThat(atMinistry.select("h1").text()).isEqualTo("発電所への攻撃");
  }

  @Test
  void theSharedIndicatorStaysHiddenFromAReaderWhoMayReadNoneOfTheReports() throws Exception {
    String indicator = uniqueDomain();
    String water = file(reporter("chuo-water-authority"), "監視端末の侵入", "AMBER", indicator, "unknown");
    String gas = file(reporter("wakaba-gas"), "制御端末の侵入", "AMBER", indicator, "unknown");
    UUID alert = awaitAlert(indicator, 2);

    Document list = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends/spread");
    assertThat(list.select("#alert-" + alert).text())
        .contains("ドメイン", "表示しません", "0 / 2")
        .doesNotContain(indicator);
    Document page = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends/spread/" + alert);
    assertThat(page.text()).doesNotContain(indicator, water, gas, "若葉ガス", "中央広域水道企業団");
    assertThat(page.select("#alert-sectors").text()).contains("2分野", "ほかに2分野");
  }

  @Test
  void twoSectorsReportingTheSameCauseWithinTheWindowRaiseAnAlert() throws Exception {
    String rail = file(reporter("tozai-railway"), "予約サイトへの大量アクセス", "GREEN", "", "ddos");
    String bank = file(reporter("wakaba-shinkin"), "ネットバンキングへの大量アクセス", "GREEN", "", "ddos");
    Set<UUID> reports = Set.of(reportId(rail), reportId(bank));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            """
                        select count(*) from spread_alert_report l
                        join spread_alert a on a.id = l.alert_id
                        where a.basis = 'CAUSE' and a.shared_value = 'ddos'
                          and l.report_id in (:reports)
                        """)
                        .param("reports", reports)
                        .query(Long.class)
                        .single()
                    == 2);
    Document list = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends/spread");
    assertThat(list.select("#spread-alerts").text()).contains("同じ原因", "DDoS攻撃などの大量アクセス");
  }

  @Test
  void onlyTheHubsAnalystsAndDutyOfficersSeeTheSpreadPage() throws Exception {
    String indicator = uniqueDomain();
    file(reporter("chuo-water-authority"), "権限確認用の報告", "GREEN", indicator, "unknown");
    file(reporter("chuo-city-gas"), "権限確認用の報告", "GREEN", indicator, "unknown");
    UUID alert = awaitAlert(indicator, 2);

    RequestPostProcessor operator = reporter("chuo-water-authority");
    mvc.perform(get("/trends/spread").with(operator)).andExpect(status().isForbidden());
    mvc.perform(get("/trends/spread/" + alert).with(operator)).andExpect(status().isForbidden());
    RequestPostProcessor ministry = SignIn.as(mvc, SignIn.MINISTRY);
    mvc.perform(get("/trends/spread/" + alert).with(ministry)).andExpect(status().isForbidden());
    TestPeople.TestPerson hubReporter = people.create("national-hub", "org-admin");
    mvc.perform(
            get("/trends/spread").with(SignIn.as(mvc, hubReporter.email(), TestPeople.PASSWORD)))
        .andExpect(status().isForbidden());

    mvc.perform(get("/trends/spread").with(SignIn.as(mvc, SignIn.DUTY_OFFICER)))
        .andExpect(status().isOk());
    assertThat(
            Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends")
                .select("a[href=\"/trends/spread\"]")
                .text())
        .startsWith("分野をまたぐ広がりの可能性");
  }

  @Test
  void theReportPageSaysInHowManyReadableReportsAndSectorsAnIndicatorWasSeen() throws Exception {
    String indicator = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    String hash = UUID.randomUUID().toString().replace("-", "");
    String iocs = indicator + "\n" + hash;
    String water = file(reporter("chuo-water-authority"), "痕跡の照合1", "GREEN", iocs, "unknown");
    String power = file(reporter("asahino-power"), "痕跡の照合2", "GREEN", hash, "unknown");
    String gas = file(reporter("chuo-city-gas"), "痕跡の照合3", "AMBER", hash, "unknown");

    Document asWater = Pages.get(mvc, reporter("chuo-water-authority"), "/reports/" + water);
    assertThat(asWater.select("#sightings li").text())
        .contains(hash, "2件の報告 (2分野) で見つかっています", power)
        .doesNotContain(gas);
    Document atMinistry = Pages.get(mvc, SignIn.as(mvc, SignIn.MINISTRY), "/reports/" + power);
    assertThat(atMinistry.select("#sightings li").text())
        .contains(hash, "3件の報告 (3分野) で見つかっています", water, gas);
  }

  private RequestPostProcessor reporter(String organisation) throws Exception {
    TestPeople.TestPerson person = people.create(organisation, "reporter");
    return SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
  }

  /** Files a first report through the form; returns its reference. */
  private String file(
      RequestPostProcessor who, String summary, String tlp, String indicators, String cause)
      throws Exception {
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    String location =
        mvc.perform(
                post("/reports")
                    .with(who)
                    .with(csrf())
                    .param("stage", "FIRST")
                    .param("summary", summary)
                    .param("eventType", "intrusion")
                    .param("occurredAt", FIELD.format(now.minusHours(3)))
                    .param("detectedAt", FIELD.format(now.minusHours(1)))
                    .param("impact", "none-yet")
                    .param("causes", cause)
                    .param("tlp", tlp)
                    .param("indicators", indicators)
                    .param("_emergency", "on"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/reports/R");
    return location.substring("/reports/".length());
  }

  private UUID reportId(String reference) {
    return jdbc.sql("select id from report where reference = :reference")
        .param("reference", reference)
        .query(UUID.class)
        .single();
  }

  private List<UUID> alertsFor(String indicator) {
    return jdbc.sql(
            "select id from spread_alert where basis = 'INDICATOR' and shared_value = :value")
        .param("value", indicator)
        .query(UUID.class)
        .list();
  }

  private UUID awaitAlert(String indicator, int reports) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            """
                        select count(*) from spread_alert_report l
                        join spread_alert a on a.id = l.alert_id
                        where a.basis = 'INDICATOR' and a.shared_value = :value
                        """)
                        .param("value", indicator)
                        .query(Long.class)
                        .single()
                    >= reports);
    List<UUID> alerts = alertsFor(indicator);
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }

  private int sectors(UUID alert) {
    return jdbc.sql(
            "select count(distinct sector_id) from spread_alert_report where alert_id = :alert")
        .param("alert", alert)
        .query(Integer.class)
        .single();
  }

  private static String uniqueDomain() {
    return "spread-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }
}
