package org.mamori.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.Pages;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.mamori.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a situation opens, changes level and closes, everyone concerned is told once: the people of
 * an operator in scope (and its system, by webhook), of an organisation taking part, and the hub's
 * duty officers; a person in two of those audiences once; an operator out of scope not at all; and
 * an event delivered again adds nothing.
 */
@MamoriTest
class SituationNoticesTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  static HttpServer receiver;
  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/situation-hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            CALLS.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  SituationCalls calls;

  @BeforeEach
  void situationCalls() {
    calls = new SituationCalls(mvc, jdbc);
  }

  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  @Test
  void everyoneConcernedIsToldOnceWhenASituationOpensChangesAndCloses() throws Exception {
    String operator = people.newOperator("gas");
    TestPeople.TestPerson reporter = people.create(operator, "reporter");
    TestPeople.TestPerson twoHats = people.create(operator, "reporter");
    people.join(twoHats, "national-hub", "duty-officer");
    TestPeople.TestPerson disaster = people.create("cao-disaster", "relay");
    TestPeople.TestPerson duty = people.create("national-hub", "duty-officer");
    TestPeople.TestPerson outOfScope = people.create(people.newOperator("telecom"), "reporter");
    TestPeople.TestPerson admin = people.create(operator, "org-admin");
    RequestPostProcessor adminSession = SignIn.as(mvc, admin.email(), TestPeople.PASSWORD);
    mvc.perform(
            post("/notifications/webhook")
                .with(adminSession)
                .with(csrf())
                .param(
                    "url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/situation-hook")
                .param("secret", "gas-secret-" + UUID.randomUUID()))
        .andExpect(redirectedUrl("/notifications/webhook"));
    RequestPostProcessor officer = SignIn.as(mvc, duty.email(), TestPeople.PASSWORD);

    String title = "ガス供給の停止 " + UUID.randomUUID();
    UUID situation = calls.open(officer, title, "ci-outage", "複数のガス事業者で供給停止", "gas");
    String reference =
        jdbc.sql("select reference from situation where id = :id")
            .param("id", situation)
            .query(String.class)
            .single();

    await().atMost(PATIENCE).until(() -> notices(reporter, situation, "OPENED") == 1);
    for (TestPeople.TestPerson told : List.of(twoHats, disaster, duty)) {
      await().atMost(PATIENCE).until(() -> notices(told, situation, "OPENED") == 1);
    }
    String opened = "事態 " + reference + " が宣言されました。レベルは 大規模重要インフラサービス障害対応時 です。続報は180分ごとにお願いします";
    assertThat(
            Pages.get(mvc, SignIn.as(mvc, reporter.email(), TestPeople.PASSWORD), "/notifications")
                .text())
        .contains(opened);
    assertThat(
            Pages.get(mvc, officer, "/notifications")
                .select("a[href=/situations/" + situation + "]"))
        .isNotEmpty();

    JsonNode call =
        JsonMapper.builder()
            .build()
            .readTree(
                await().atMost(PATIENCE).until(() -> callAbout(reference), found -> found != null));
    assertThat(call.get("type").asString()).isEqualTo("situation.opened");
    assertThat(call.get("title").asString()).isEqualTo(opened);
    assertThat(call.get("tlp").asString()).isEqualTo("TLP:AMBER");
    assertThat(call.get("url").asString()).isEqualTo("http://localhost:8080/reports?box=ALL");

    // The disaster side leaves as the level drops to normal operations: it hears of it too.
    mvc.perform(
            post("/situations/{id}/level", situation)
                .with(officer)
                .with(csrf())
                .param("level", "normal")
                .param("reason", "供給が戻りつつある"))
        .andExpect(status().is3xxRedirection());
    await().atMost(PATIENCE).until(() -> notices(disaster, situation, "CHANGED") == 1);
    assertThat(headline(disaster, situation, "CHANGED"))
        .isEqualTo("事態 " + reference + " は 通常時 になりました");

    // The same change delivered again tells nobody twice.
    UUID change =
        jdbc.sql(
                "select id from situation_level_change where situation_id = :id and to_level = 'normal'")
            .param("id", situation)
            .query(UUID.class)
            .single();
    transaction.executeWithoutResult(
        status ->
            events.publishEvent(
                new SituationLevelChanged(
                    situation,
                    reference,
                    change,
                    "ci-outage",
                    "normal",
                    new LocalizedText("通常時", "Normal operations"),
                    null,
                    false,
                    Set.of(new org.mamori.shared.SectorId(calls.sector("gas"))),
                    Set.of(people.organisation("cao-disaster")))));
    await().atMost(PATIENCE).until(this::allHandled);

    mvc.perform(
            post("/situations/{id}/close", situation)
                .with(officer)
                .with(csrf())
                .param("reason", "全面的に復旧した"))
        .andExpect(status().is3xxRedirection());
    await().atMost(PATIENCE).until(() -> notices(reporter, situation, "CLOSED") == 1);
    await().atMost(PATIENCE).until(this::allHandled);

    for (TestPeople.TestPerson told : List.of(reporter, twoHats, duty)) {
      assertThat(notices(told, situation, "OPENED")).as("opened").isEqualTo(1);
      assertThat(notices(told, situation, "CHANGED")).as("changed").isEqualTo(1);
      assertThat(notices(told, situation, "CLOSED")).as("closed").isEqualTo(1);
    }
    assertThat(notices(disaster, situation, "CHANGED")).isEqualTo(1);
    assertThat(notices(outOfScope, situation, null)).isZero();
    assertThat(webhookDeliveries(situation)).isEqualTo(3);
  }

  private long notices(TestPeople.TestPerson person, UUID situation, String variant) {
    return jdbc.sql(
            """
            select count(*) from notification
            where recipient = :person and kind = 'SITUATION_LEVEL' and item_id = :situation
              and (cast(:variant as text) is null or variant = :variant)
            """)
        .param("person", person.id().value())
        .param("situation", situation)
        .param("variant", variant)
        .query(Long.class)
        .single();
  }

  private String headline(TestPeople.TestPerson person, UUID situation, String variant) {
    return jdbc.sql(
            """
            select subject_ja from notification
            where recipient = :person and kind = 'SITUATION_LEVEL' and item_id = :situation
              and variant = :variant
            """)
        .param("person", person.id().value())
        .param("situation", situation)
        .param("variant", variant)
        .query(String.class)
        .single();
  }

  private long webhookDeliveries(UUID situation) {
    return jdbc.sql(
            "select count(*) from notify_delivery where channel = 'WEBHOOK' and item_id = :situation")
        .param("situation", situation)
        .query(Long.class)
        .single();
  }

  private boolean allHandled() {
    return jdbc.sql(
            """
            select count(*) = 0 from event_publication
            where listener_id like 'org.mamori.notify.%' and completion_date is null
              and serialized_event like '%Situation%'
            """)
        .query(Boolean.class)
        .single();
  }

  private String callAbout(String reference) {
    return CALLS.stream().filter(c -> c.contains(reference)).findFirst().orElse(null);
  }

  /** Another test may have changed the level's rhythm (as administrators do). */
  private int followUpMinutes(String level) {
    return jdbc.sql("select follow_up_minutes from situation_level where code = :code")
        .param("code", level)
        .query(Integer.class)
        .single();
  }
}
