package org.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mamori.MamoriTest;
import org.mamori.SignIn;
import org.mamori.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in browser listening at /notifications/stream (here a real HTTP client on the real
 * server, carrying the session cookie) hears of a new notice as it is created.
 */
@MamoriTest
class LiveNotificationsTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;

  @Test
  void aSignedInBrowserHearsOfANewNoticeAsItHappens() throws Exception {
    TestPeople.TestPerson liaison = people.create("mlit", "relay");
    NotifyScenarios scenarios = new NotifyScenarios(mvc, jdbc, transaction, events);
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> stream = listen(sessionOf(liaison.email()), lines);
    try {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      await().atMost(NotifyScenarios.PATIENCE).until(() -> lines.contains("event:unread"));
      assertThat(lines).contains("data:{\"unread\":0}");

      String reference =
          scenarios.file(SignIn.as(mvc, "operator@demo.example"), "配水ポンプ場の停電", "AMBER");

      String data =
          await()
              .atMost(NotifyScenarios.PATIENCE)
              .until(
                  () ->
                      lines.stream()
                          .filter(line -> line.startsWith("data:") && line.contains(reference))
                          .findFirst(),
                  found -> found.isPresent())
              .get();
      JsonNode notice = JsonMapper.builder().build().readTree(data.substring("data:".length()));
      assertThat(notice.get("unread").asLong()).isEqualTo(1);
      assertThat(notice.get("text").asString())
          .isEqualTo("国土交通省 に報告が届きました: " + reference + " 配水ポンプ場の停電");
      assertThat(notice.get("url").asString()).isEqualTo("/reports/" + reference);
      assertThat(lines.get(lines.indexOf(data) - 2)).isEqualTo("event:notification");
    } finally {
      stream.body().close();
    }
  }

  @Test
  void noStreamWithoutSigningIn() throws Exception {
    HttpResponse<Void> refused =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
  }

  /** Signs in through the form and returns the session cookie a browser would keep. */
  private Cookie sessionOf(String email) throws Exception {
    Cookie session =
        mvc.perform(
                MockMvcRequestBuilders.post("/sign-in")
                    .param("email", email)
                    .param("password", TestPeople.PASSWORD)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getCookie("MAMORI_SESSION");
    assertThat(session).isNotNull();
    return session;
  }

  private HttpResponse<Stream<String>> listen(Cookie session, List<String> lines) throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Cookie", session.getName() + "=" + session.getValue())
                    .timeout(Duration.ofMinutes(2))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(lines::add);
              } catch (UncheckedIOException closedByTheTest) {
                // The test closes the stream when it has heard enough.
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return response;
  }
}
