package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The trend pages count every released report by Japanese fiscal year and quarter, sector, event
 * type, cause and verification level, and list behind each count only what the reader may read.
 * Each test uses fiscal years of its own (2015–2018); the demo history fills 2019–2023.
 */
@MamoriTest
class TrendPagesTest {

  /** The published operator → hub reports per event type, FY2019–FY2023 (DOMAIN.md). */
  static final Map<String, List<Long>> PUBLISHED = new LinkedHashMap<>();

  static {
    PUBLISHED.put("予兆・ヒヤリハット", List.of(12L, 28L, 25L, 28L, 12L));
    PUBLISHED.put("情報の漏えい", List.of(13L, 23L, 29L, 17L, 20L));
    PUBLISHED.put("情報の破壊・改ざん", List.of(11L, 12L, 20L, 15L, 18L));
    PUBLISHED.put("システム等の利用困難", List.of(158L, 157L, 181L, 145L, 148L));
    PUBLISHED.put("マルウェア等の感染", List.of(9L, 18L, 46L, 38L, 20L));
    PUBLISHED.put("不正コード等の実行", List.of(5L, 3L, 2L, 1L, 3L));
    PUBLISHED.put("システム等への侵入", List.of(14L, 26L, 24L, 22L, 13L));
    PUBLISHED.put("その他", List.of(47L, 42L, 80L, 36L, 38L));
  }

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired ReportHistory history;
  @Autowired JdbcClient jdbc;

  @Test
  void theDemoHistoryReproducesThePublishedNationalTable() throws Exception {
    RequestPostProcessor analyst = SignIn.as(mvc, SignIn.ANALYST);
    for (String url : List.of("/trends?from=2019&to=2023", "/trends?from=2019&to=2023&hub=true")) {
      Document page = Pages.get(mvc, analyst, url);
      Element table = page.getElementById("by-event-type");
      assertThat(table.select("thead th").eachText())
          .containsSequence("2019年度", "2020年度", "2021年度", "2022年度", "2023年度", "合計");
      Map<String, List<Long>> shown = new LinkedHashMap<>();
      for (Element row : table.select("tbody tr")) {
        List<Long> counts = counts(row);
        shown.put(row.select("th").last().text(), counts.subList(0, 5));
      }
      assertThat(shown).isEqualTo(PUBLISHED);
      assertThat(counts(table.selectFirst("tfoot tr")))
          .containsExactly(269L, 309L, 407L, 302L, 272L, 1559L);
      assertThat(table.select("thead th").first().text()).isEqualTo("分類");
      assertThat(table.select("tbody th.trend-group").eachText())
          .contains("可用性 (使えなくなる)", "上のどれかにつながるもの");
      assertThat(page.select("#chart-years-title").text()).isEqualTo("年度別の報告の件数");
      assertThat(page.select("figure svg[role=img]")).hasSizeGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void reportsCountInTheFiscalYearAndQuarterOfJapanTimeAtTheBoundaries() throws Exception {
    TestPeople.TestPerson reporter = people.create("chuo-port", "reporter");
    history.load(
        Actor.SYSTEM,
        List.of(
            past(reporter, "chuo-port", "2016-03-31T23:59:59", "境界1", Tlp.GREEN, null),
            past(reporter, "chuo-port", "2016-04-01T00:00:00", "境界2", Tlp.GREEN, null),
            past(reporter, "chuo-port", "2016-06-30T23:59:59", "境界3", Tlp.GREEN, null),
            past(reporter, "chuo-port", "2016-07-01T00:00:00", "境界4", Tlp.GREEN, null)));

    Document page =
        Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends?from=2015&to=2016&sector=ports");
    Element quarters = page.getElementById("by-quarter");
    assertThat(counts(row(quarters, "2015年度"))).containsExactly(0L, 0L, 0L, 1L, 1L);
    assertThat(counts(row(quarters, "2016年度"))).containsExactly(2L, 1L, 0L, 0L, 3L);
    assertThat(page.select("#chart-quarters-title + desc ~ g rect")).hasSize(8);
    assertThat(reference("境界1")).startsWith("R2015-");
    assertThat(reference("境界2")).startsWith("R2016-");
  }

  @Test
  void theReportsBehindACountAreOnlyThoseTheReaderMayRead() throws Exception {
    TestPeople.TestPerson logistics = people.create("chuo-transport", "reporter");
    TestPeople.TestPerson petroleum = people.create("hinode-oil", "reporter");
    history.load(
        Actor.SYSTEM,
        List.of(
            past(logistics, "chuo-transport", "2018-05-10T10:00:00", "倉庫管理の侵入", Tlp.GREEN, null),
            past(petroleum, "hinode-oil", "2018-05-11T10:00:00", "製油所の侵入", Tlp.AMBER, null)));
    String green = reference("倉庫管理の侵入");
    String amber = reference("製油所の侵入");
    TestPeople.TestPerson gas = people.create("wakaba-gas", "reporter");
    RequestPostProcessor gasReporter = SignIn.as(mvc, gas.email(), TestPeople.PASSWORD);

    Document trends = Pages.get(mvc, gasReporter, "/trends?from=2018&to=2018");
    Element intrusions = row(trends.getElementById("by-event-type"), "システム等への侵入");
    assertThat(counts(intrusions)).containsExactly(2L, 2L);
    assertThat(trends.text()).doesNotContain("日の出石油", "製油所の侵入", amber);

    String link = intrusions.selectFirst("td a").attr("href");
    assertThat(link).isEqualTo("/trends/reports?from=2018&to=2018&eventType=intrusion");
    Document list = Pages.get(mvc, gasReporter, link);
    assertThat(list.select("#counted").text()).isEqualTo("この条件の報告は2件です。");
    assertThat(list.select("#trend-reports").text())
        .contains(green, "倉庫管理の侵入", "日本中央運輸")
        .doesNotContain(amber, "製油所の侵入", "日の出石油");

    Document atHub = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), link);
    assertThat(atHub.select("#trend-reports").text()).contains(green, amber, "日の出石油");
  }

  @Test
  void reportsThatReachedTheVerificationLevelAreCountedTheSameForMinistryAndHub() throws Exception {
    TestPeople.TestPerson power = people.create("aoigahama-energy", "reporter");
    TestPeople.TestPerson water = people.create("chuo-water-authority", "reporter");
    history.load(
        Actor.SYSTEM,
        List.of(
            past(power, "aoigahama-energy", "2017-05-01T10:00:00", "停電1", Tlp.GREEN, true),
            past(power, "aoigahama-energy", "2017-08-01T10:00:00", "停電2", Tlp.AMBER, true),
            past(power, "aoigahama-energy", "2017-11-01T10:00:00", "停電3", Tlp.GREEN, false),
            past(power, "aoigahama-energy", "2018-02-01T10:00:00", "停電4", Tlp.GREEN, null),
            past(water, "chuo-water-authority", "2017-06-01T10:00:00", "断水", Tlp.GREEN, true)));

    Document atHub = Pages.get(mvc, SignIn.as(mvc, SignIn.ANALYST), "/trends?from=2017&to=2017");
    Element electricity = row(atHub.getElementById("verification"), "電力");
    assertThat(electricity.select("td").eachText())
        .containsExactly("10分以上の停電で、10万kW以上の供給に影響した", "2 / 4", "2 / 4");
    assertThat(atHub.select("#verification tr[data-row=\"水道\"]")).isEmpty();

    Document atMinistry =
        Pages.get(mvc, SignIn.as(mvc, SignIn.MINISTRY), "/trends?from=2017&to=2017");
    assertThat(row(atMinistry.getElementById("verification"), "電力").text())
        .isEqualTo(electricity.text());

    Document reached =
        Pages.get(
            mvc, SignIn.as(mvc, SignIn.ANALYST), electricity.select("td a").first().attr("href"));
    assertThat(reached.select("#trend-reports tbody tr")).hasSize(2);
    assertThat(reached.select("#trend-reports").text()).contains("停電1", "停電2");
  }

  @Test
  void platformAdministratorsSetTheLevelsThatMinistriesAndTheHubCountWith() throws Exception {
    RequestPostProcessor admin = SignIn.as(mvc, SignIn.ADMIN);
    RequestPostProcessor ministry = SignIn.as(mvc, SignIn.MINISTRY);
    Document form = Pages.get(mvc, admin, "/trends/levels");
    String ports = fieldOfRow(form, "港湾", "serviceJa");
    try {
      Map<String, String> typed = values(form);
      typed.put(ports.replace("serviceJa", "serviceEn"), "Berths stay open");
      Document refused = Jsoup.parse(postLevels(admin, typed).getContentAsString());
      assertThat(refused.select(".error-summary").text()).contains("日本語の説明も入力してください。");
      assertThat(
              refused
                  .select("input[name=\"" + ports.replace("serviceJa", "serviceEn") + "\"]")
                  .val())
          .isEqualTo("Berths stay open");
      assertThat(refused.select("tr[data-row=\"電力\"] input").eachAttr("value"))
          .contains("10分以上の停電で、10万kW以上の供給に影響した");

      typed.put(ports, "岸壁の荷役を24時間以上止めない");
      typed.put(ports.replace("serviceJa", "verificationJa"), "荷役が12時間以上止まった");
      assertThat(postLevels(admin, typed).getStatus()).isEqualTo(302);
      Element row = row(Pages.get(mvc, ministry, "/trends/levels").getElementById("levels"), "港湾");
      assertThat(row.text()).contains("岸壁の荷役を24時間以上止めない", "荷役が12時間以上止まった");
      assertThat(people.auditEntries("sharing.sector-levels.changed", "-")).isPositive();

      mvc.perform(post("/trends/levels").with(ministry).with(csrf()).param(ports, "変更"))
          .andExpect(status().isForbidden());
    } finally {
      postLevels(admin, values(form));
    }
  }

  private org.springframework.mock.web.MockHttpServletResponse postLevels(
      RequestPostProcessor who, Map<String, String> values) throws Exception {
    var request = post("/trends/levels").with(who).with(csrf());
    values.forEach(request::param);
    return mvc.perform(request).andReturn().getResponse();
  }

  /** The form's fields as the browser would send them. */
  private static Map<String, String> values(Document form) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element input : form.select("#levels input")) {
      values.put(input.attr("name"), input.val());
    }
    return values;
  }

  private static String fieldOfRow(Document form, String sector, String field) {
    return row(form.getElementById("levels"), sector).select("input").stream()
        .map(i -> i.attr("name"))
        .filter(name -> name.endsWith("." + field))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyMemberReadsTheTrendsButNoOneWithoutSigningIn() throws Exception {
    TestPeople.TestPerson operator = people.create("misaki-warehouse", "reporter");
    Document page =
        Pages.get(mvc, SignIn.as(mvc, operator.email(), TestPeople.PASSWORD), "/trends");
    assertThat(page.select("h1").text()).isEqualTo("報告の傾向");
    assertThat(page.select("nav a[href=\"/trends\"]").text()).isEqualTo("傾向");
    assertThat(page.select("a[href=\"/trends/spread\"]")).isEmpty();
    mvc.perform(get("/trends")).andExpect(status().is3xxRedirection());
  }

  private ReportHistory.PastReport past(
      TestPeople.TestPerson author,
      String organisation,
      String submittedJst,
      String summary,
      Tlp tlp,
      Boolean reached) {
    Instant submitted = OffsetDateTime.parse(submittedJst + "+09:00").toInstant();
    return new ReportHistory.PastReport(
        people.organisation(organisation),
        author.id(),
        submitted.minusSeconds(7200),
        submitted.minusSeconds(3600),
        submitted,
        summary,
        "intrusion",
        "stopped",
        List.of("credential-misuse"),
        reached,
        tlp);
  }

  private String reference(String summary) {
    return jdbc.sql(
            """
            select r.reference from report r join report_version v on v.report_id = r.id
            where v.summary = :summary
            """)
        .param("summary", summary)
        .query(String.class)
        .single();
  }

  private static Element row(Element table, String label) {
    Element row = table.selectFirst("tr[data-row=\"" + label + "\"]");
    assertThat(row).as("row " + label).isNotNull();
    return row;
  }

  private static List<Long> counts(Element row) {
    List<Long> counts = new ArrayList<>();
    for (Element cell : row.select("td")) {
      counts.add(Long.parseLong(cell.text().strip()));
    }
    return counts;
  }
}
