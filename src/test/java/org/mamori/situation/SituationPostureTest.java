package org.mamori.situation;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A scripted cyber attack: two duty officers open a situation at the top level over electricity and
 * water; the police (an incident-handling ministry) and the disaster-management side join and are
 * told; reports in three sectors arrive. The police read the AMBER report in scope on every read
 * path (page, list, API, STIX and MISP downloads), never one out of scope or an AMBER+STRICT one;
 * when the level drops the police leave, when the situation closes everyone leaves, and the
 * situation still lists who joined.
 */
@MamoriTest
class SituationPostureTest {

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  SituationCalls calls;

  @BeforeEach
  void situationCalls() {
    calls = new SituationCalls(mvc, jdbc);
  }

  /** One person at a joining organisation, their browser session and their API token. */
  record Reader(RequestPostProcessor session, String token, TestPeople.TestPerson person) {}

  @Test
  void joiningOrganisationsReadTheSituationsAmberReportsUntilItEnds() throws Exception {
    Reader police = reader("npa", "relay");
    Reader disaster = reader("cao-disaster", "relay");
    RequestPostProcessor first = dutyOfficer();
    RequestPostProcessor second = dutyOfficer();
    String title = "複数分野への攻撃 " + UUID.randomUUID();

    mvc.perform(
            post("/situations/call")
                .with(first)
                .with(csrf())
                .param("title", title)
                .param("level", "cyber-attack")
                .param(
                    "sectors",
                    calls.sector("electricity").toString(),
                    calls.sector("water").toString())
                .param("reason", "電力と水道で意図的な停止"))
        .andExpect(status().is3xxRedirection());
    UUID proposal =
        jdbc.sql("select id from situation_proposal where title = :title")
            .param("title", title)
            .query(UUID.class)
            .single();
    String location =
        mvc.perform(
                post("/situations/proposals/{id}/confirm", proposal)
                    .with(second)
                    .with(csrf())
                    .param("reason", "報告を確認した"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID situation = UUID.fromString(location.substring("/situations/".length()));
    assertThat(people.auditEntries("situation.participant.joined", situation.toString()))
        .isGreaterThanOrEqualTo(2);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> joinedNotices(police.person(), situation) == 1);
    assertThat(joinedNotices(disaster.person(), situation)).isEqualTo(1);
    assertThat(Pages.get(mvc, police.session(), "/notifications").text())
        .contains("事態 S", "の対応に加わりました");

    String inScope = file("minamikawa-water", "AMBER", "水道の停止");
    String strict = file(people.newOperator("electricity"), "AMBER_STRICT", "電力の停止");
    String outOfScope = file(people.newOperator("telecom"), "AMBER", "通信の停止");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> inSituation(situation, inScope) && inSituation(situation, strict));

    assertThat(paths(police, inScope)).as("AMBER in scope").doesNotContainValue(false);
    assertThat(paths(police, strict)).as("AMBER+STRICT in scope").doesNotContainValue(true);
    assertThat(paths(police, outOfScope)).as("AMBER out of scope").doesNotContainValue(true);
    assertThat(paths(disaster, inScope)).as("disaster side").doesNotContainValue(false);

    mvc.perform(
            post("/situations/{id}/level", situation)
                .with(first)
                .with(csrf())
                .param("level", "ci-outage")
                .param("reason", "攻撃は収まり、復旧作業に移った"))
        .andExpect(status().is3xxRedirection());
    assertThat(paths(police, inScope))
        .as("police after the level dropped")
        .doesNotContainValue(true);
    assertThat(paths(disaster, inScope))
        .as("disaster side at ci-outage")
        .doesNotContainValue(false);

    mvc.perform(
            post("/situations/{id}/close", situation)
                .with(first)
                .with(csrf())
                .param("reason", "全分野で復旧した"))
        .andExpect(status().is3xxRedirection());
    assertThat(paths(disaster, inScope))
        .as("disaster side after the close")
        .doesNotContainValue(true);

    Document room = Pages.get(mvc, first, "/situations/{id}", situation);
    String participants = room.select("#situation-participants").text();
    assertThat(participants).contains("警察庁", "内閣府 (防災担当)", "大規模サイバー攻撃事態");
    assertThat(participants).doesNotContain("対応中");
    assertThat(people.auditEntries("situation.participant.left", situation.toString()))
        .isEqualTo(people.auditEntries("situation.participant.joined", situation.toString()));
  }

  /** Whether the reader reads the report through each read path. */
  private Map<String, Boolean> paths(Reader reader, String reference) throws Exception {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    seen.put("page", statusOf("/reports/" + reference, reader.session(), null) == 200);
    seen.put("list", body("/reports?box=ALL", reader.session(), null).contains(reference));
    seen.put("api", statusOf("/api/reports/" + reference, null, reader.token()) == 200);
    seen.put("api list", body("/api/reports?box=ALL", null, reader.token()).contains(reference));
    seen.put("stix", statusOf("/reports/" + reference + "/stix", reader.session(), null) == 200);
    seen.put(
        "api stix", statusOf("/api/reports/" + reference + "/stix", null, reader.token()) == 200);
    seen.put("misp", statusOf("/reports/" + reference + "/misp", reader.session(), null) == 200);
    seen.put(
        "api misp", statusOf("/api/reports/" + reference + "/misp", null, reader.token()) == 200);
    return seen;
  }

  private int statusOf(String url, RequestPostProcessor session, String token) throws Exception {
    return perform(url, session, token).getStatus();
  }

  private String body(String url, RequestPostProcessor session, String token) throws Exception {
    return perform(url, session, token).getContentAsString();
  }

  private org.springframework.mock.web.MockHttpServletResponse perform(
      String url, RequestPostProcessor session, String token) throws Exception {
    var request = get(url);
    if (session != null) {
      request.with(session);
    } else {
      request.header("Authorization", "Bearer " + token);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  /** An intentional outage reported straight to the national hub (the emergency route). */
  private String file(String operator, String tlp, String summary) throws Exception {
    TestPeople.TestPerson reporter = people.create(operator, "reporter");
    RequestPostProcessor session = SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD);
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo"));
    String location =
        mvc.perform(
                post("/reports")
                    .with(session)
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

  private Reader reader(String organisation, String role) throws Exception {
    TestPeople.TestPerson person = people.create(organisation, role);
    RequestPostProcessor session = SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
    String token =
        Tokens.create(mvc, session, people.organisation(organisation).toString(), "READ");
    return new Reader(session, token, person);
  }

  private RequestPostProcessor dutyOfficer() throws Exception {
    TestPeople.TestPerson person = people.create("national-hub", "duty-officer");
    return SignIn.as(mvc, person.email(), TestPeople.PASSWORD);
  }

  private long joinedNotices(TestPeople.TestPerson person, UUID situation) {
    return jdbc.sql(
            """
            select count(*) from notification
            where recipient = :person and kind = 'SITUATION_JOINED' and item_id = :situation
            """)
        .param("person", person.id().value())
        .param("situation", situation)
        .query(Long.class)
        .single();
  }

  private boolean inSituation(UUID situation, String reference) {
    return jdbc.sql(
                """
                select count(*) from situation_report s join report r on r.id = s.report_id
                where s.situation_id = :situation and r.reference = :reference
                """)
            .param("situation", situation)
            .param("reference", reference)
            .query(Long.class)
            .single()
        == 1;
  }
}
