package org.mamori.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.mamori.access.Passwords;
import org.mamori.bench.ResultsFile.Figure;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load benchmark (issue 6, "Benchmarks"; a command, never a test). On a fresh embedded
 * PostgreSQL (or {@code MAMORI_DB_URL}) it starts Mamori in-process with an SMTP server on loopback
 * (GreenMail), generates the operators and people ({@link Population}), then measures
 *
 * <ol>
 *   <li>pages under signed-in users, with {@code wrk} in its own process ({@link PageLoad});
 *   <li>an advisory fanned out to every operator: in-app notices and e-mails ({@link FanOut});
 *   <li>report intake over HTTP at increasing offered rates, open loop ({@link IntakeLoad});
 *   <li>after Mamori is stopped: start-up of Mamori as its own JVM with demo data, and its heap
 *       ({@link StartUp}).
 * </ol>
 *
 * The intake runs last: overloaded, Mamori's connection pool stayed exhausted afterwards (see
 * docs/benchmarks.md), so nothing measured after it would mean anything; each intake step says how
 * much background work (the fan-out's) was still outstanding when it started. It prints a Markdown
 * table and writes it into {@code docs/benchmarks.md}. Settings (system properties): {@code
 * bench.organisations} (5000), {@code bench.people} (20000), {@code bench.rates}
 * (100,250,500,1000), {@code bench.step-seconds} (20), {@code bench.users} (100), {@code
 * bench.page-seconds} (30), {@code bench.settle-seconds} (10; the wait before the heap is read),
 * {@code bench.startup} (true), {@code bench.results}.
 */
public final class LoadBenchmark {

  private static final String DATA = "target/bench-load-data";
  private static final String PASSWORD = "bench password " + java.util.UUID.randomUUID();
  private static final int WARM_UP_REPORTS = 50;
  static final ResultsFile.Section SECTION =
      new ResultsFile.Section(
          "load-bench", "Load: report intake, advisory fan-out, pages, start-up");

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int organisations = Integer.getInteger("bench.organisations", 5_000);
    int peopleCount = Integer.getInteger("bench.people", 20_000);
    int[] rates =
        Arrays.stream(System.getProperty("bench.rates", "100,250,500,1000").split(","))
            .map(String::strip)
            .mapToInt(Integer::parseInt)
            .toArray();
    int stepSeconds = Integer.getInteger("bench.step-seconds", 20);
    int users = Integer.getInteger("bench.users", 100);
    int pageSeconds = Integer.getInteger("bench.page-seconds", 30);
    int settleSeconds = Integer.getInteger("bench.settle-seconds", 10);
    int fanOutPatience = Integer.getInteger("bench.fan-out-seconds", 240);
    boolean startUp = Boolean.parseBoolean(System.getProperty("bench.startup", "true"));
    Path results = Path.of(System.getProperty("bench.results", "docs/benchmarks.md"));
    if (users > peopleCount) {
      throw new IllegalArgumentException("bench.users is more than bench.people");
    }

    BenchRun run = new BenchRun();
    int smtpPort;
    try (ServerSocket free = new ServerSocket(0)) {
      smtpPort = free.getLocalPort();
    }
    GreenMail smtp =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<Figure> figures = new ArrayList<>();
    List<String> about;
    try {
      ConfigurableApplicationContext mamori =
          BenchRun.startMamori(
              DATA,
              "--mamori.mail.host=127.0.0.1",
              "--mamori.mail.port=" + smtpPort,
              "--mamori.mail.starttls=false",
              "--management.metrics.distribution.percentiles.http.server.requests=0.5,0.95,0.99");
      try {
        // The bench's own connection: Mamori's pool may be exhausted by the load it measures.
        JdbcClient jdbc = ownConnection(mamori.getBean(DataSource.class));
        CpuMeter cpu = new CpuMeter(BenchRun.postgresData(DATA));
        int port = BenchRun.port(mamori);

        Population population = Population.generate(mamori, organisations, peopleCount);
        figures.add(
            new Figure(
                String.format(
                    Locale.ROOT,
                    "Generating %,d operators (CSV import) and %,d people with API tokens (SQL)",
                    organisations,
                    peopleCount),
                String.format(
                    Locale.ROOT,
                    "import %.1f s, people and tokens %.1f s",
                    population.importSeconds,
                    population.peopleSeconds),
                "—"));

        IntakeLoad intake =
            new IntakeLoad(port, population.people, cpu, mamori.getBean(DataSource.class));
        // Reports for the pages to show, and the intake's warm-up.
        intake.warmUp(WARM_UP_REPORTS);
        try {
          List<PageLoad.Visit> visits = visits(mamori, jdbc, port, population, users);
          PageLoad.Result pages =
              PageLoad.run(
                  port,
                  visits,
                  users,
                  pageSeconds,
                  mamori.getBean(MeterRegistry.class),
                  cpu,
                  Path.of("target"));
          figures.addAll(pageFigures(pages));
        } catch (IllegalStateException | java.io.IOException pagesFailed) {
          // Mamori still busy with the earlier load may refuse a sign-in or a page: say so.
          System.out.println("Pages not measured: " + pagesFailed.getMessage());
          figures.add(
              new Figure(
                  String.format(Locale.ROOT, "Pages under %d signed-in users", users),
                  "not measured: " + pagesFailed.getMessage(),
                  "p95 < 150 ms"));
        }

        try {
          FanOut.Result fanOut =
              FanOut.run(mamori, jdbc, smtp, cpu, Duration.ofSeconds(fanOutPatience));
          figures.addAll(fanOutFigures(fanOut));
        } catch (RuntimeException fanOutFailed) {
          figures.add(notMeasured("Advisory fan-out", fanOutFailed));
        }

        try {
          boolean saturated = false;
          for (int rate : rates) {
            if (saturated) {
              figures.add(
                  new Figure(
                      intakeName(rate, stepSeconds),
                      "not run: a lower rate already saturated Mamori",
                      "≥ 500/s, p99 < 200 ms"));
              continue;
            }
            String backlog = backlog(jdbc);
            IntakeLoad.Step step = intake.run(rate, stepSeconds);
            figures.add(intakeFigure(step, stepSeconds, backlog));
            // Beyond half the offered rate the next, higher rates only add timeouts and time.
            saturated = step.sustained() < rate / 2.0;
            Thread.sleep(3_000);
          }
        } catch (RuntimeException intakeFailed) {
          // An exhausted pool answers the bench too: the figures so far are still written.
          figures.add(notMeasured("Report intake", intakeFailed));
        }

        about = about(run, jdbc, cpu, stepSeconds);
        about.add(
            String.format(
                Locale.ROOT,
                "Settings: %,d operators, %,d people, rates %s/s, %d s a step, %d users for %d s,"
                    + " fan-out watched for up to %d s",
                organisations,
                peopleCount,
                Arrays.toString(rates),
                stepSeconds,
                users,
                pageSeconds,
                fanOutPatience));
      } finally {
        mamori.close();
      }
    } finally {
      smtp.stop();
    }
    if (startUp) {
      Path startUpData = Path.of("target/bench-startup/data");
      java.nio.file.Files.createDirectories(startUpData.getParent());
      StartUp.Result fresh = StartUp.run(startUpData, true, settleSeconds);
      StartUp.Result again = StartUp.run(startUpData, false, settleSeconds);
      figures.add(startUpFigure("Start-up with demo data, fresh data directory", fresh));
      figures.add(startUpFigure("Start-up with demo data, existing data directory", again));
    }
    String section = ResultsFile.update(results, SECTION, about, figures);
    System.out.println();
    System.out.println(section);
    System.out.println("Written to " + results.toAbsolutePath().normalize());
  }

  /**
   * The first {@code users} generated people sign in through the form; each visits home, the
   * reports list, a report filed during the intake and the advisories list.
   */
  private static List<PageLoad.Visit> visits(
      ConfigurableApplicationContext mamori,
      JdbcClient jdbc,
      int port,
      Population population,
      int users)
      throws Exception {
    Directory directory = mamori.getBean(Directory.class);
    Passwords passwords = mamori.getBean(Passwords.class);
    List<String> reports =
        jdbc.sql(
                """
                select r.reference from report r join person p on p.id = r.author
                 where p.email like 'bench-%@bench.example' order by random() limit :users
                """)
            .param("users", users)
            .query(String.class)
            .list();
    if (reports.isEmpty()) {
      throw new IllegalStateException("no reports to read: the intake filed none");
    }
    List<PageLoad.Visit> visits = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      String email = population.people.get(i).email();
      PersonSummary person =
          directory.personByEmail(email).orElseThrow(() -> new IllegalStateException(email));
      passwords.set(Actor.SYSTEM, person.id(), PASSWORD);
      TaxiiClient browser = new TaxiiClient(port);
      browser.signIn(email, PASSWORD);
      String cookie = browser.cookieHeader();
      List<String> paths =
          List.of("/", "/reports", "/reports/" + reports.get(i % reports.size()), "/advisories");
      for (String path : paths) {
        int status = browser.status(path);
        if (status != 200) {
          throw new IllegalStateException(email + " got " + status + " for " + path);
        }
        visits.add(new PageLoad.Visit(cookie, path));
      }
    }
    System.out.printf(
        "%d people signed in; each visits home, reports, a report and advisories%n", users);
    return visits;
  }

  private static List<Figure> fanOutFigures(FanOut.Result fanOut) {
    return List.of(
        new Figure(
            String.format(
                Locale.ROOT,
                "Advisory fan-out to %,d organisations: in-app notices recorded (%,d people)",
                fanOut.organisations(),
                fanOut.expected()),
            String.format(
                Locale.ROOT,
                "%s50%% after %s, 99%% after %s, all after %s (issuing itself %.2f s);"
                    + " CPU %.1f s (database %.1f s) for the fan-out and its e-mails",
                fanOut.finished()
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        "**not finished after %.0f s: %,d of %,d notices**; ",
                        fanOut.patienceSeconds(),
                        fanOut.notices(),
                        fanOut.expected()),
                seconds(fanOut.noticeP50()),
                seconds(fanOut.noticeP99()),
                seconds(fanOut.noticeMax()),
                fanOut.issueSeconds(),
                fanOut.cpu().total() / 1e9,
                fanOut.cpu().database() / 1e9),
            "p99 < 2 s"),
        new Figure(
            "Advisory fan-out: e-mails handed to SMTP on loopback",
            String.format(
                Locale.ROOT,
                "%,d handed over (%,d received by the server): p50 %.1f s, p99 %.1f s, max %.1f s"
                    + " after issuing",
                fanOut.emails(),
                fanOut.emailsReceived(),
                fanOut.emailP50(),
                fanOut.emailP99(),
                fanOut.emailMax()),
            "—"));
  }

  private static Figure notMeasured(String what, RuntimeException failure) {
    System.out.println(what + " not measured: " + failure);
    return new Figure(what, "not measured: " + failure.getMessage(), "—");
  }

  private static JdbcClient ownConnection(DataSource mamori) throws java.sql.SQLException {
    com.zaxxer.hikari.HikariDataSource pool =
        mamori.unwrap(com.zaxxer.hikari.HikariDataSource.class);
    return JdbcClient.create(
        new org.springframework.jdbc.datasource.SingleConnectionDataSource(
            pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), true));
  }

  private static String seconds(double seconds) {
    return Double.isNaN(seconds) ? "—" : String.format(Locale.ROOT, "%.2f s", seconds);
  }

  private static String intakeName(int rate, int seconds) {
    return String.format(
        Locale.ROOT, "Report intake, POST /api/reports offered at %,d/s for %d s", rate, seconds);
  }

  /**
   * Background work still outstanding: events whose listeners have not finished (notices, routing)
   * and e-mails waiting in the outbox. A step that starts with some measures intake beside it.
   */
  private static String backlog(JdbcClient jdbc) {
    int events =
        jdbc.sql("select count(*) from event_publication where completion_date is null")
            .query(Integer.class)
            .single();
    int mails =
        jdbc.sql("select count(*) from notify_delivery where state = 'PENDING'")
            .query(Integer.class)
            .single();
    return String.format(
        Locale.ROOT, "%,d events unprocessed and %,d e-mails pending at the start", events, mails);
  }

  private static Figure intakeFigure(IntakeLoad.Step step, int seconds, String backlog) {
    return new Figure(
        intakeName(step.offered(), seconds),
        String.format(
            Locale.ROOT,
            "sustained %.0f/s, p50 %.0f ms, p99 %.0f ms; %,d filed, %,d errors; CPU %.1f ms a"
                + " report (database %.1f ms); database sessions on average: %s; %s",
            step.sustained(),
            step.p(50),
            step.p(99),
            step.succeeded(),
            step.errors(),
            step.succeeded() == 0 ? 0 : step.cpu().total() / 1e6 / step.succeeded(),
            step.succeeded() == 0 ? 0 : step.cpu().database() / 1e6 / step.succeeded(),
            step.databaseSessions(),
            backlog),
        "≥ 500/s, p99 < 200 ms");
  }

  private static List<Figure> pageFigures(PageLoad.Result pages) {
    return List.of(
        new Figure(
            String.format(
                Locale.ROOT,
                "Pages under %d signed-in users (wrk, %d s): latency at the client on loopback",
                pages.users(),
                pages.seconds()),
            String.format(
                Locale.ROOT,
                "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; %,d pages (%.0f/s), %,d"
                    + " failed; CPU %.1f ms a page (database %.1f ms)",
                pages.p50(),
                pages.p95(),
                pages.p99(),
                pages.max(),
                pages.requests(),
                pages.perSecond(),
                pages.failed(),
                pages.requests() == 0 ? 0 : pages.cpu().total() / 1e6 / pages.requests(),
                pages.requests() == 0 ? 0 : pages.cpu().database() / 1e6 / pages.requests()),
            "p95 < 150 ms"),
        new Figure(
            String.format(
                Locale.ROOT,
                "Pages under %d signed-in users: Mamori's server time p95 per page (Micrometer)",
                pages.users()),
            PageLoad.describe(pages.serverP95()),
            "p95 < 150 ms"));
  }

  private static Figure startUpFigure(String name, StartUp.Result result) {
    return new Figure(
        name,
        String.format(
            Locale.ROOT,
            "ready after %.1f s; heap after GC %.0f MiB (resident %.0f MiB)",
            result.readySeconds(),
            result.heapMib(),
            result.residentMib()),
        "< 10 s, ≤ 512 MB");
  }

  private static List<String> about(BenchRun run, JdbcClient jdbc, CpuMeter cpu, int stepSeconds) {
    List<String> about =
        new ArrayList<>(
            run.about(
                jdbc,
                "`mvn -B -ntp -Pbench process-test-classes -Dbench.suite=load` — Mamori"
                    + " in-process, SMTP (GreenMail) on loopback, the clients over HTTP on"
                    + " loopback"));
    about.addAll(
        List.of(
            "Directory: the operators through the CSV import as the system (checked, created and"
                + " audited as an administrator's upload), the people, their memberships"
                + " (reporter) and API tokens written straight into the tables",
            "Fan-out: one TLP:GREEN advisory from the national hub's duty officer to every"
                + " sector's operators; in-app notices counted in the database every 20 ms from"
                + " the moment of issuing, e-mails timed by when the SMTP server took them"
                + " (default outbox: polled every 5 s, 20 a batch, one sender)",
            String.format(
                Locale.ROOT,
                "Intake: open loop, %d s a step, each report sent asynchronously when it is due,"
                    + " latency from when it was due to the reply (so queueing"
                    + " shows); each with the next person's token; the load generator runs in"
                    + " Mamori's JVM and shares its cores",
                stepSeconds),
            "Pages: `wrk` (2 threads, one connection a user) in its own process; every request"
                + " carries one user's session cookie; Mamori's server time from Micrometer's"
                + " `http.server.requests` percentiles (their two-minute window)",
            "Start-up: Mamori as its own JVM on the test class path, embedded PostgreSQL and demo"
                + " data; ready = `/actuator/health` answers; heap = used after `jcmd GC.run`",
            "CPU: Mamori's JVM"
                + (cpu.countsDatabase() ? " plus the embedded PostgreSQL's processes" : " only")
                + "; during the intake it includes the load generator"));
    return about;
  }
}
