package org.mamori.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SITREPs and the after-action record over one situation in electricity and water: the first SITREP
 * counts the reports in scope, is issued as an AMBER advisory that asks for acknowledgement and
 * reaches the participants and the sectors in scope (never another sector); the second says what is
 * new since; the room lists who owes a follow-up; the export in JSON and PDF refuses people outside
 * the national hub.
 */
@MamoriTest
class SitrepAndAfterActionTest {

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Every report here tells of one event that started two hours ago. */
  private final LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  SituationCalls calls;

  @BeforeEach
  void situationCalls() {
    calls = new SituationCalls(mvc, jdbc);
  }

  @Test
  void sitrepsCountTheScopeGoOutAsAdvisoriesAndTheRecordIsExported() throws Exception {
    RequestPostProcessor duty = session(people.create("national-hub", "duty-officer"));
    String title = "電力と水道の停止 " + UUID.randomUUID();
    UUID situation = call(duty, title);

    String water = people.newOperator("water");
    String power = people.newOperator("electricity");
    TestPeople.TestPerson waterReporter = people.create(water, "reporter");
    String first = file(waterReporter, "AMBER", "浄水場の制御端末が停止");
    String second = file(people.create(power, "reporter"), "AMBER", "変電所の監視が停止");
    awaitInSituation(situation, first, second);

    // 第1報: everything since the opening is new
    mvc.perform(post("/situations/{id}/sitreps", situation).with(duty).with(csrf()))
        .andExpect(status().is3xxRedirection());
    JsonNode figures = figures(situation, 1);
    assertThat(figures.get("reports").asInt()).isEqualTo(2);
    assertThat(count(figures, "bySector", "water")).isEqualTo(1);
    assertThat(count(figures, "bySector", "electricity")).isEqualTo(1);
    assertThat(count(figures, "byStage", "FIRST")).isEqualTo(2);
    assertThat(count(figures, "byImpact", "stopped")).isEqualTo(2);
    assertThat(figures.get("newReports").toString()).contains(first, second);
    assertThat(figures.get("levelChanges").size()).isEqualTo(1);
    Document draft = Pages.get(mvc, duty, "/situations/{id}/sitreps/1", situation);
    assertThat(draft.select("#body").text()).contains("【状況報告 第1報】", "対象の報告: 2件", first);

    // a refused deadline keeps the text typed
    String edited = "第1報です。各事業者は続報をお願いします。";
    String refused =
        mvc.perform(
                post("/situations/{id}/sitreps/1", situation)
                    .with(duty)
                    .with(csrf())
                    .param("body", edited)
                    .param("tlp", "AMBER")
                    .param("acknowledgeBy", "明日の朝")
                    .param("action", "issue"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("その日時は読めません", edited);

    String deadline = FIELD.format(now.plusHours(3));
    mvc.perform(
            post("/situations/{id}/sitreps/1", situation)
                .with(duty)
                .with(csrf())
                .param("body", edited)
                .param("tlp", "AMBER")
                .param("acknowledgeBy", deadline)
                .param("action", "issue"))
        .andExpect(status().is3xxRedirection());
    String advisory = advisoryOf(situation, 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from advisory where reference = :r and tlp = 'AMBER'"
                        + " and acknowledge_by is not null and body = :body")
                .param("r", advisory)
                .param("body", edited)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(people.auditEntries("situation.sitrep.issued", sitrepId(situation, 1))).isEqualTo(1);

    // the participants and the sectors in scope read it; another sector does not
    RequestPostProcessor disaster = session(people.create("cao-disaster", "relay"));
    RequestPostProcessor waterSession = session(waterReporter);
    RequestPostProcessor telecom =
        session(people.create(people.newOperator("telecom"), "reporter"));
    assertThat(statusOf(disaster, "/advisories/" + advisory)).isEqualTo(200);
    assertThat(statusOf(waterSession, "/advisories/" + advisory)).isEqualTo(200);
    assertThat(statusOf(telecom, "/advisories/" + advisory)).isIn(403, 404);
    mvc.perform(post("/advisories/{r}/acknowledgement", advisory).with(waterSession).with(csrf()))
        .andExpect(status().is3xxRedirection());

    Document room = Pages.get(mvc, duty, "/situations/{id}", situation);
    assertThat(room.select("#sitreps").text()).contains("第1報", advisory, "1 /");
    assertThat(room.select("#timeline").text()).contains("状況報告 第1報を発出", "が状況報告 第1報の受領を確認");
    assertThat(room.select("#sector-map [data-sector=water]").attr("data-reports")).isEqualTo("1");
    assertThat(room.select("#sector-map [data-sector=water]").attr("data-in-scope"))
        .isEqualTo("true");
    assertThat(room.select("#sector-map [data-sector=telecom]").attr("data-in-scope"))
        .isEqualTo("false");
    assertThat(room.select("#overdue-none")).hasSize(1);

    // 第2報: a new report and a follow-up since the first
    followUp(waterSession, first);
    String third = file(people.create(water, "reporter"), "GREEN", "配水ポンプの停止");
    awaitInSituation(situation, third);
    mvc.perform(post("/situations/{id}/sitreps", situation).with(duty).with(csrf()))
        .andExpect(status().is3xxRedirection());
    JsonNode next = figures(situation, 2);
    assertThat(next.get("previous").asInt()).isEqualTo(1);
    assertThat(next.get("newReports").toString()).contains(third).doesNotContain(first, second);
    assertThat(next.get("updatedReports").toString()).contains(first).doesNotContain(second);
    assertThat(next.get("levelChanges").size()).isZero();
    assertThat(count(next, "byStage", "FOLLOW_UP")).isEqualTo(1);

    // the level asks for a follow-up every 180 minutes: a report last heard of 4 hours ago is owed
    jdbc.sql(
            """
            update report_version set written_at = written_at - interval '4 hours',
                decided_at = decided_at - interval '4 hours'
            where report_id = (select id from report where reference = :r)
            """)
        .param("r", second)
        .update();
    Document watched = Pages.get(mvc, duty, "/situations/{id}", situation);
    assertThat(watched.select("#overdue").text()).contains(second).doesNotContain(first, third);
    assertThat(watched.select("#overdue").text()).contains(power);

    // the after-action record: interim while open, refused outside the hub
    JsonNode interim = json(duty, situation);
    assertThat(interim.get("format").asString()).isEqualTo("mamori.situation.after-action/1");
    assertThat(interim.get("interim").asBoolean()).isTrue();
    assertThat(statusOf(disaster, "/situations/" + situation + "/after-action.json"))
        .isEqualTo(403);
    assertThat(statusOf(waterSession, "/situations/" + situation + "/after-action.pdf"))
        .isEqualTo(403);

    mvc.perform(
            post("/situations/{id}/close", situation)
                .with(duty)
                .with(csrf())
                .param("reason", "復旧した"))
        .andExpect(status().is3xxRedirection());
    JsonNode record = json(duty, situation);
    assertThat(record.get("interim").asBoolean()).isFalse();
    assertThat(record.at("/situation/title").asString()).isEqualTo(title);
    assertThat(record.at("/situation/closeReason").asString()).isEqualTo("復旧した");
    assertThat(record.get("levels").size()).isEqualTo(1);
    assertThat(record.get("decisions").size()).isEqualTo(1);
    assertThat(record.get("participants").toString()).contains("内閣府 (防災担当)");
    assertThat(record.get("reports").toString()).contains(first, second, third);
    assertThat(record.at("/sitreps/0/advisory").asString()).isEqualTo(advisory);
    assertThat(record.at("/sitreps/0/acknowledged").asInt()).isEqualTo(1);
    assertThat(record.get("sitreps").size()).as("drafts are not exported").isEqualTo(1);

    byte[] pdf =
        mvc.perform(get("/situations/{id}/after-action.pdf", situation).with(duty))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(pdfText(pdf)).contains("事後の記録", "電力と水道の停止", "内閣府", "状況報告", edited, first);
  }

  private UUID call(RequestPostProcessor duty, String title) throws Exception {
    String location =
        mvc.perform(
                post("/situations/call")
                    .with(duty)
                    .with(csrf())
                    .param("title", title)
                    .param("level", "ci-outage")
                    .param(
                        "sectors",
                        calls.sector("electricity").toString(),
                        calls.sector("water").toString())
                    .param("reason", "電力と水道で停止が続いている"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).isEqualTo("/situations");
    return jdbc.sql("select id from situation where title = :title")
        .param("title", title)
        .query(UUID.class)
        .single();
  }

  private JsonNode figures(UUID situation, int number) {
    return JSON.readTree(
        jdbc.sql(
                "select figures::text from situation_sitrep where situation_id = :s and number = :n")
            .param("s", situation)
            .param("n", number)
            .query(String.class)
            .single());
  }

  private static int count(JsonNode figures, String list, String code) {
    for (JsonNode c : figures.get(list)) {
      if (c.get("code").asString().equals(code)) {
        return c.get("count").asInt();
      }
    }
    return 0;
  }

  private String advisoryOf(UUID situation, int number) {
    return jdbc.sql(
            "select advisory_reference from situation_sitrep where situation_id = :s and number = :n"
                + " and state = 'ISSUED'")
        .param("s", situation)
        .param("n", number)
        .query(String.class)
        .single();
  }

  private String sitrepId(UUID situation, int number) {
    return jdbc.sql("select id::text from situation_sitrep where situation_id = :s and number = :n")
        .param("s", situation)
        .param("n", number)
        .query(String.class)
        .single();
  }

  private JsonNode json(RequestPostProcessor session, UUID situation) throws Exception {
    return JSON.readTree(
        mvc.perform(get("/situations/{id}/after-action.json", situation).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }

  private int statusOf(RequestPostProcessor session, String url) throws Exception {
    return mvc.perform(get(url).with(session)).andReturn().getResponse().getStatus();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    Path file = Files.createTempFile("after-action", ".pdf");
    try {
      Files.write(file, pdf);
      Process p =
          new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
              .redirectErrorStream(true)
              .start();
      String text =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // pdftotext breaks long lines; the words tested are short enough to stay whole
      return text.replace("\n", "");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private RequestPostProcessor session(TestPeople.TestPerson person) throws Exception {
    return SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
  }

  /** An outage reported straight to the national hub (the emergency route). */
  private String file(TestPeople.TestPerson reporter, String tlp, String summary) throws Exception {
    String location =
        mvc.perform(
                post("/reports")
                    .with(session(reporter))
                    .with(csrf())
                    .param("stage", "FIRST")
                    .param("summary", summary)
                    .param("eventType", "unavailable")
                    .param("occurredAt", FIELD.format(now.minusHours(2)))
                    .param("detectedAt", FIELD.format(now.minusHours(1)))
                    .param("impact", "stopped")
                    .param("causes", "ddos")
                    .param("tlp", tlp)
                    .param("emergency", "true"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).as("filed " + summary).startsWith("/reports/R");
    return location.substring("/reports/".length());
  }

  private void followUp(RequestPostProcessor session, String reference) throws Exception {
    String refused =
        mvc.perform(
                post("/reports/{r}/versions", reference)
                    .with(session)
                    .with(csrf())
                    .param("stage", "FOLLOW_UP")
                    .param("summary", "浄水場の制御端末が停止 (続報)")
                    .param("eventType", "unavailable")
                    .param("occurredAt", FIELD.format(now.minusHours(2)))
                    .param("detectedAt", FIELD.format(now.minusHours(1)))
                    .param("impact", "stopped")
                    .param("causes", "ddos")
                    .param("tlp", "AMBER")
                    .param("responseStatus", "CONTAINED")
                    .param("_emergency", "on"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).as("follow-up refused").isEmpty();
  }

  private void awaitInSituation(UUID situation, String... references) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            """
                            select count(*) from situation_report s join report r on r.id = s.report_id
                            where s.situation_id = :s and r.reference = any (cast(:refs as text[]))
                            """)
                        .param("s", situation)
                        .param("refs", references)
                        .query(Long.class)
                        .single()
                    == references.length);
  }
}
