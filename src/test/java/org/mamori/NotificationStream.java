package org.mamori;

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

/**
 * A signed-in browser listening at /notifications/stream: a real HTTP client on the real server,
 * carrying the session cookie and keeping every line it hears, until the test closes it.
 */
public final class NotificationStream implements AutoCloseable {

  private final HttpResponse<Stream<String>> response;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private NotificationStream(HttpResponse<Stream<String>> response) {
    this.response = response;
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
  }

  public static NotificationStream open(int port, Cookie session) throws Exception {
    return new NotificationStream(
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Cookie", session.getName() + "=" + session.getValue())
                    .timeout(Duration.ofMinutes(2))
                    .build(),
                HttpResponse.BodyHandlers.ofLines()));
  }

  /** The answer's status and headers. */
  public HttpResponse<?> response() {
    return response;
  }

  /** Every line heard so far ({@code event:…}, {@code id:…}, {@code data:…}, blank). */
  public List<String> lines() {
    return lines;
  }

  @Override
  public void close() {
    response.body().close();
  }
}
