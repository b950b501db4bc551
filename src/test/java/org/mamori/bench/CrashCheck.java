package org.mamori.bench;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash check (README "Crash check"), run by {@code .ci/crash-test}: starts the built Mamori
 * jar on a fresh PostgreSQL database with demo data, files reports over the API from several
 * threads and kills the JVM with SIGKILL in the middle of them, starts it again, then kills it
 * again half-way through storing a large TAXII POST and starts it once more, and checks:
 *
 * <ul>
 *   <li>every report that got 201 is stored, each request at most once;
 *   <li>every report stored (answered or cut off) has exactly the in-app notices a report filed
 *       before the load got, each once, once the event publication registry has nothing left;
 *   <li>the status of the cut-off TAXII POST names as stored exactly the objects that are stored;
 *       posting the same envelope again stores the rest, says which were already there, and leaves
 *       one copy of each object.
 * </ul>
 *
 * Prints a summary and exits 1 when anything was lost or doubled, 2 when the check itself could not
 * run. A command, not a unit test: it needs a PostgreSQL server and takes a few minutes.
 *
 * <p>System properties: {@code crash.jar} (the Mamori jar), {@code crash.db} (JDBC URL of an empty
 * database), {@code crash.db-user}, {@code crash.db-password}, {@code crash.port} (8097), {@code
 * crash.reports} (filed until the kill, at most 2000), {@code crash.threads} (8), {@code
 * crash.kill-after} (reports answered before the kill, 150), {@code crash.taxii-objects} (5000),
 * {@code crash.work} (a folder for the data directory and the logs), {@code crash.server-args}
 * (more arguments for Mamori, separated by spaces).
 */
public final class CrashCheck {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEMO_PASSWORD = "mamori-demo-2026";
  private static final String REPORTER = "operator@demo.example";
  private static final String HUB_ANALYST = "analyst@demo.example";
  private static final String TAXII = "application/taxii+json;version=2.1";

  private final Path jar = Path.of(System.getProperty("crash.jar", "target/mamori.jar"));
  private final String db = required("crash.db");
  private final String dbUser = System.getProperty("crash.db-user", "postgres");
  private final String dbPassword = System.getProperty("crash.db-password", "");
  private final int port = Integer.getInteger("crash.port", 8097);
  private final int reports = Integer.getInteger("crash.reports", 2000);
  private final int threads = Integer.getInteger("crash.threads", 8);
  private final int killAfter = Integer.getInteger("crash.kill-after", 150);
  private final int taxiiObjects = Integer.getInteger("crash.taxii-objects", 5000);
  private final Path work =
      Path.of(System.getProperty("crash.work", System.getProperty("java.io.tmpdir")));
  private final URI base = URI.create("http://127.0.0.1:" + port);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> failures = new ArrayList<>();
  private final Instant started = Instant.now();
  private int runs;
  private @Nullable Process running;

  public static void main(String[] args) {
    CrashCheck check = new CrashCheck();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (check.running != null) {
                    check.running.destroyForcibly();
                  }
                }));
    int exit;
    try {
      exit = check.run();
    } catch (Exception e) {
      System.out.println("CRASH CHECK COULD NOT RUN: " + e);
      e.printStackTrace(System.out);
      exit = 2;
    }
    System.exit(exit);
  }

  private int run() throws Exception {
    Process mamori = start();
    Tokens tokens = new Tokens(signIn(REPORTER), signIn(HUB_ANALYST));
    String reporterToken = token(tokens.reporter(), "minamikawa-water");
    String hubToken = token(tokens.hub(), "national-hub");

    // A report filed before the load: the notices it gets are the ones every report must get.
    String sample = fileReport(reporterToken, "事前の報告").reference();
    awaitQuiet(Duration.ofSeconds(60));
    Map<String, Integer> expected = notices(reportId(sample));
    say("a report filed before the load got %d notices: %s", expected.size(), expected.keySet());
    if (expected.isEmpty()) {
      throw new IllegalStateException("the sample report got no notice: nothing to check");
    }

    // 1. Reports filed from several threads, on and on, and SIGKILL in the middle of them.
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Filed> filed = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    AtomicInteger answered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean killed = new AtomicBoolean();
    for (int i = 0; i < reports; i++) {
      String summary = "負荷試験 " + prefix + " #" + i;
      pool.submit(
          () -> {
            if (killed.get()) {
              return;
            }
            Filed result = fileReport(reporterToken, summary);
            answers.computeIfAbsent(result.status(), s -> new AtomicInteger()).incrementAndGet();
            if (result.status() == 201) {
              filed.put(summary, result);
              answered.incrementAndGet();
            }
          });
    }
    awaitTrue(() -> answered.get() >= killAfter, Duration.ofSeconds(180), "reports answered");
    killed.set(true);
    mamori.destroyForcibly().waitFor();
    say("SIGKILL after %d reports answered 201", answered.get());
    pool.shutdown();
    pool.awaitTermination(90, TimeUnit.SECONDS);
    say("answers to the report requests: %s (0: cut off)", new TreeMap<>(answers));
    if (answers.keySet().stream().anyMatch(status -> status >= 500)) {
      failures.add("a report request was answered with a server error: " + answers);
    }
    mamori = start();
    checkReports(filed, expected);

    // 2. A TAXII POST of many objects, stored 10 to a transaction, and SIGKILL half-way.
    String envelope = envelope(prefix);
    ExecutorService poster = Executors.newSingleThreadExecutor();
    var taxiiReply =
        poster.submit(
            () ->
                send(
                    taxii(hubToken, "/taxii2/mamori/collections/all-sectors/objects/")
                        .header("Content-Type", TAXII)
                        .POST(HttpRequest.BodyPublishers.ofString(envelope))));
    awaitTrue(
        () -> storedObjects(prefix) >= 10 || taxiiReply.isDone(),
        Duration.ofSeconds(180),
        "TAXII objects stored");
    mamori.destroyForcibly().waitFor();
    int storedAtKill = storedObjects(prefix);
    poster.shutdown();
    say("SIGKILL with %d of %d TAXII objects stored", storedAtKill, taxiiObjects);
    if (taxiiReply.get().status() > 0) {
      say("note: the TAXII POST was answered before the kill; its restart case is weaker");
    }
    mamori = start();
    checkTaxii(prefix, envelope, hubToken, tokens.hubPerson(), storedAtKill);
    stop(mamori);

    System.out.println();
    if (failures.isEmpty()) {
      say(
          "CRASH CHECK PASSED in %d s: nothing answered was lost, nothing was doubled",
          Duration.between(started, Instant.now()).toSeconds());
      return 0;
    }
    say("CRASH CHECK FAILED:");
    failures.forEach(failure -> System.out.println("  - " + failure));
    return 1;
  }

  private void checkReports(Map<String, Filed> filed, Map<String, Integer> expected)
      throws Exception {
    try {
      awaitQuiet(Duration.ofSeconds(120));
    } catch (ConditionTimeoutException stuck) {
      // reported below with the notices that are missing
    }
    int lost = 0;
    for (Filed report : filed.values()) {
      if (reportIdOrNull(report.reference()) == null) {
        lost++;
        failures.add("report " + report.reference() + " was answered 201 but is not stored");
      }
    }
    List<Stored> stored = storedReports();
    Map<String, Integer> perSummary = new HashMap<>();
    stored.forEach(s -> perSummary.merge(s.summary(), 1, Integer::sum));
    perSummary.forEach(
        (summary, count) -> {
          if (count > 1) {
            failures.add("one request stored " + count + " reports: " + summary);
          }
        });
    int wrong = 0;
    for (Stored report : stored) {
      Map<String, Integer> got = notices(report.id());
      if (!got.equals(expected)) {
        wrong++;
        if (wrong <= 5) {
          failures.add(
              "report %s has notices %s, expected %s".formatted(report.reference(), got, expected));
        }
      }
    }
    if (wrong > 5) {
      failures.add((wrong - 5) + " more reports with notices missing or doubled");
    }
    int inFlight = stored.size() - filed.size();
    say(
        "reports: %d answered 201, %d of them lost; %d stored in all (%d cut off before their"
            + " answer but kept); %d with notices other than expected; %d event publications"
            + " incomplete",
        filed.size(), lost, stored.size(), Math.max(0, inFlight), wrong, incompletePublications());
    if (incompletePublications() > 0) {
      failures.add(incompletePublications() + " event publications still incomplete");
    }
  }

  private void checkTaxii(
      String prefix, String envelope, String hubToken, UUID hubPerson, int storedAtKill)
      throws Exception {
    Set<String> stored = new HashSet<>(storedObjectIds(prefix));
    UUID status =
        query(
                """
            select s.id from taxii_status s
             where s.person_id = ? and exists (select 1 from unnest(s.offered_ids) o where o like ?)
             order by s.request_timestamp desc limit 1
            """,
                rs -> rs.getObject(1, UUID.class),
                hubPerson,
                "indicator--" + prefix + "-%")
            .stream()
            .findFirst()
            .orElse(null);
    if (status == null) {
      failures.add("the cut-off TAXII POST left no status");
      return;
    }
    Reply reply = send(taxii(hubToken, "/taxii2/mamori/status/" + status + "/").GET());
    JsonNode resource = JSON.readTree(reply.body());
    Set<String> successes = ids(resource.path("successes"));
    Set<String> pendings = ids(resource.path("pendings"));
    say(
        "TAXII status of the cut-off POST (%s): %s, %d successes, %d pending, %d failures; %d"
            + " objects stored",
        status,
        resource.path("status").asString(),
        successes.size(),
        pendings.size(),
        resource.path("failure_count").asInt(),
        stored.size());
    if (reply.status() != 200) {
      failures.add("the status resource answered " + reply.status() + ": " + reply.body());
    }
    if (!successes.equals(stored)) {
      failures.add(
          "the status names %d objects as stored, %d are stored"
              .formatted(successes.size(), stored.size()));
    }
    if (successes.size() + pendings.size() + resource.path("failure_count").asInt()
        != taxiiObjects) {
      failures.add("the status does not account for every object of the request");
    }
    if (stored.size() < storedAtKill) {
      failures.add("objects stored before the kill are gone");
    }

    Reply again =
        send(
            taxii(hubToken, "/taxii2/mamori/collections/all-sectors/objects/")
                .header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    JsonNode second = JSON.readTree(again.body());
    int alreadyThere = 0;
    for (JsonNode success : second.path("successes")) {
      if (!success.path("message").asString("").isBlank()) {
        alreadyThere++;
      }
    }
    List<Integer> copies =
        query(
            "select count(*) from stix_object where object_id like ? group by object_id",
            rs -> rs.getInt(1),
            "indicator--" + prefix + "-%");
    say(
        "TAXII POST again: %d, %d successes of which %d say already there; %d objects stored,"
            + " most copies of one: %d",
        again.status(),
        second.path("success_count").asInt(),
        alreadyThere,
        copies.size(),
        copies.stream().mapToInt(Integer::intValue).max().orElse(0));
    if (again.status() != 202 || second.path("success_count").asInt() != taxiiObjects) {
      failures.add("posting the envelope again did not store it all: " + again.status());
    }
    if (alreadyThere != stored.size()) {
      failures.add(
          "posting again said %d objects were already there, %d were"
              .formatted(alreadyThere, stored.size()));
    }
    if (copies.size() != taxiiObjects || copies.stream().anyMatch(c -> c != 1)) {
      failures.add("after posting again the objects are not stored once each");
    }
  }

  // --- the server

  private Process start() throws Exception {
    runs++;
    Path data = work.resolve("data");
    Files.createDirectories(data);
    File log = work.resolve("mamori-" + runs + ".log").toFile();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar.toString(),
                // many small transactions, so that the kill lands in the middle of the POST
                "--mamori.taxii.batch-size=10"));
    // e.g. a setting that should make the check fail, to see that it can
    for (String argument : System.getProperty("crash.server-args", "").split(" ")) {
      if (!argument.isBlank()) {
        command.add(argument);
      }
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    Map<String, String> env = builder.environment();
    env.put("MAMORI_DB_URL", db);
    env.put("MAMORI_DB_USER", dbUser);
    env.put("MAMORI_DB_PASSWORD", dbPassword);
    env.put("MAMORI_DEMO", "true");
    env.put("MAMORI_DATA_DIR", data.toString());
    env.put("MAMORI_SECRET_KEY", "Y3Jhc2gtY2hlY2stc2VjcmV0LWtleS0zMi1ieXRlcyEhIQ==");
    env.put("MAMORI_TAXII_PUBLICATION_CATCH_UP", "false");
    env.put("MAMORI_TAXII_CLIENT_SCHEDULED", "false");
    env.put("PORT", Integer.toString(port));
    env.put("MAMORI_BASE_URL", base.toString());
    Instant begun = Instant.now();
    Process process = builder.start();
    running = process;
    try {
      awaitTrue(
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Mamori stopped on start; see " + log);
            }
            return send(HttpRequest.newBuilder(base.resolve("/actuator/health")).GET()).status()
                == 200;
          },
          Duration.ofSeconds(240),
          "Mamori to start (log: " + log + ")");
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    say("Mamori up in %d s (log: %s)", Duration.between(begun, Instant.now()).toSeconds(), log);
    return process;
  }

  private void stop(Process mamori) throws InterruptedException {
    mamori.destroy();
    if (!mamori.waitFor(30, TimeUnit.SECONDS)) {
      mamori.destroyForcibly().waitFor();
    }
  }

  // --- HTTP, as a person and as a tool

  record Reply(int status, String body) {}

  record Filed(int status, String reference) {}

  record Tokens(Session reporter, Session hub) {
    UUID hubPerson() {
      return hub.person();
    }
  }

  /** A signed-in browser: its cookies, and the person it is. */
  record Session(HttpClient client, UUID person) {}

  private Reply send(HttpRequest.Builder request) {
    return send(http, request);
  }

  private static Reply send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, e.toString());
    }
  }

  private Session signIn(String email) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String csrf = csrf(send(client, HttpRequest.newBuilder(base.resolve("/sign-in"))).body());
    Reply signedIn =
        send(
            client,
            form("/sign-in", Map.of("email", email, "password", DEMO_PASSWORD, "_csrf", csrf)));
    if (signedIn.status() != 302) {
      throw new IllegalStateException("could not sign in as " + email + ": " + signedIn.status());
    }
    UUID person =
        query("select id from person where email = ?", rs -> rs.getObject(1, UUID.class), email)
            .get(0);
    return new Session(client, person);
  }

  /** A read-and-write API token made on the tokens page, acting for the organisation. */
  private String token(Session session, String organisationCode) throws Exception {
    UUID organisation =
        query(
                "select id from organisation where code = ?",
                rs -> rs.getObject(1, UUID.class),
                organisationCode)
            .get(0);
    String csrf =
        csrf(
            send(session.client(), HttpRequest.newBuilder(base.resolve("/account/tokens"))).body());
    Reply made =
        send(
            session.client(),
            form(
                "/account/tokens",
                Map.of(
                    "name", "crash check",
                    "organisation", organisation.toString(),
                    "scope", "WRITE",
                    "days", "1",
                    "_csrf", csrf)));
    String secret = Jsoup.parse(made.body()).select("#secret").val();
    if (secret.isBlank()) {
      throw new IllegalStateException("no token was shown: " + made.status());
    }
    return secret;
  }

  private HttpRequest.Builder form(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private static String csrf(String html) {
    String token = Jsoup.parse(html).select("input[name=_csrf]").val();
    if (token.isBlank()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return token;
  }

  private Filed fileReport(String token, String summary) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String body =
        """
        {"stage": "FIRST", "summary": "%s", "occurredAt": "%s", "detectedAt": "%s",
         "eventType": "unavailable", "impact": "degraded", "causes": ["unknown"],
         "tlp": "AMBER", "emergency": true}
        """
            .formatted(summary, now.minusSeconds(7200), now.minusSeconds(3600));
    Reply reply =
        send(
            HttpRequest.newBuilder(base.resolve("/api/reports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    String reference =
        reply.status() == 201 ? JSON.readTree(reply.body()).path("reference").asString() : "";
    return new Filed(reply.status(), reference);
  }

  private HttpRequest.Builder taxii(String token, String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", TAXII);
  }

  /** Indicators whose ids all begin with the prefix, so that they can be counted. */
  private String envelope(String prefix) {
    StringBuilder objects = new StringBuilder();
    for (int i = 0; i < taxiiObjects; i++) {
      String uuid = UUID.randomUUID().toString();
      String id = "indicator--" + prefix + uuid.substring(8);
      objects
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"type":"indicator","spec_version":"2.1","id":"%s",\
              "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z",\
              "name":"crash check %d","pattern":"[ipv4-addr:value = '198.51.%d.%d']",\
              "pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}"""
                  .formatted(id, i, (i / 250) % 250, i % 250));
    }
    return "{\"objects\":[" + objects + "]}";
  }

  private static Set<String> ids(JsonNode details) {
    Set<String> ids = new HashSet<>();
    details.forEach(d -> ids.add(d.path("id").asString()));
    return ids;
  }

  // --- the database, read directly

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(db, dbUser, dbPassword);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private UUID reportId(String reference) {
    UUID id = reportIdOrNull(reference);
    if (id == null) {
      throw new IllegalStateException("no report " + reference);
    }
    return id;
  }

  private UUID reportIdOrNull(String reference) {
    List<UUID> ids =
        query(
            "select id from report where reference = ?",
            rs -> rs.getObject(1, UUID.class),
            reference);
    return ids.isEmpty() ? null : ids.get(0);
  }

  record Stored(UUID id, String reference, String summary) {}

  /** The reports of the load: every version's summary carries the run's words. */
  private List<Stored> storedReports() {
    return query(
        """
        select distinct r.id, r.reference, v.summary from report r
          join report_version v on v.report_id = r.id
         where v.summary like '負荷試験 %'
        """,
        rs -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
  }

  /** The in-app notices about a report: "recipient kind variant" → how many. */
  private Map<String, Integer> notices(UUID report) {
    Map<String, Integer> notices = new LinkedHashMap<>();
    for (String notice :
        query(
            "select recipient || ' ' || kind || ' ' || variant from notification where item_id = ?"
                + " order by 1",
            rs -> rs.getString(1),
            report)) {
      notices.merge(notice, 1, Integer::sum);
    }
    return Collections.unmodifiableMap(notices);
  }

  private int storedObjects(String prefix) {
    return storedObjectIds(prefix).size();
  }

  private List<String> storedObjectIds(String prefix) {
    return query(
        "select object_id from stix_object where object_id like ?",
        rs -> rs.getString(1),
        "indicator--" + prefix + "-%");
  }

  private int incompletePublications() {
    return query(
            "select count(*) from event_publication where completion_date is null",
            rs -> rs.getInt(1))
        .get(0);
  }

  /** Waits until the event publication registry has nothing left to deliver. */
  private void awaitQuiet(Duration atMost) {
    awaitTrue(() -> incompletePublications() == 0, atMost, "event publications to complete");
  }

  private static void awaitTrue(BooleanSupplier condition, Duration atMost, String what) {
    Awaitility.await(what)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .until(condition::getAsBoolean);
  }

  private static String required(String property) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      throw new IllegalArgumentException("set -D" + property);
    }
    return value;
  }

  private static void say(String format, Object... arguments) {
    System.out.println("[crash check] " + format.formatted(arguments));
  }
}
