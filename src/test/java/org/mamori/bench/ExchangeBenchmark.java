package org.mamori.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.mamori.access.Passwords;
import org.mamori.bench.ResultsFile.Figure;
import org.mamori.directory.Directory;
import org.mamori.directory.Enrolment;
import org.mamori.directory.OrganisationSummary;
import org.mamori.exchange.CollectionDefinition;
import org.mamori.exchange.TaxiiCollections;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange benchmark (issue 4, "Benchmark"; a command, never a test): starts Mamori in-process
 * on a random port, then, over real HTTP as a TAXII client with an API token,
 *
 * <ol>
 *   <li>POSTs the MITRE ATT&amp;CK for ICS bundles as TAXII envelopes: 18.1 into an empty
 *       collection, and 17.0 followed by 18.1 as an update, each fully validated and stored, with
 *       the time until the request's status is complete;
 *   <li>fills a collection with generated objects straight in the database (the bench measures
 *       reading them, not adding them) and pages through it with {@code limit=1000}, following
 *       {@code next}, and from random {@code added_after} points.
 * </ol>
 *
 * It prints a Markdown table and writes it into {@code docs/benchmarks.md}. Run it with {@code mvn
 * -B -ntp -Pbench process-test-classes} (README, "Benchmarks"); settings are system properties:
 * {@code bench.data} (folder of the bundles), {@code bench.warmups}, {@code bench.rounds}, {@code
 * bench.stored} (objects to page through; 0 skips paging), {@code bench.results} (the Markdown
 * file).
 */
public final class ExchangeBenchmark {

  private static final String BUNDLE_UPDATE = "ics-attack-18.1.json";
  private static final String BUNDLE_EARLIER = "ics-attack-17.0.json";
  private static final String ORGANISATION = "minamikawa-water";
  private static final String PASSWORD = "bench password " + UUID.randomUUID();
  private static final String TLP_GREEN =
      "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  private static final int PAGE = 1000;
  private static final int RANDOM_STARTS = 200;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DATA = "target/bench-data";
  static final ResultsFile.Section SECTION =
      new ResultsFile.Section("exchange-bench", "STIX/TAXII exchange");

  private final ConfigurableApplicationContext mamori;
  private final TaxiiClient client;
  private final OrganisationId organisation;
  private final JdbcClient jdbc;
  private final CpuMeter cpu;

  private ExchangeBenchmark(
      ConfigurableApplicationContext mamori, TaxiiClient client, OrganisationId organisation) {
    this.mamori = mamori;
    this.client = client;
    this.organisation = organisation;
    this.jdbc = mamori.getBean(JdbcClient.class);
    this.cpu = new CpuMeter(BenchRun.postgresData(DATA));
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getProperty("bench.data", "../shared/data/"));
    int warmups = Integer.getInteger("bench.warmups", 5);
    int rounds = Integer.getInteger("bench.rounds", 10);
    int stored = Integer.getInteger("bench.stored", 1_000_000);
    Path results = Path.of(System.getProperty("bench.results", "docs/benchmarks.md"));
    BenchRun run = new BenchRun();
    ConfigurableApplicationContext mamori = BenchRun.startMamori(DATA);
    try {
      ExchangeBenchmark bench = prepare(mamori);
      List<Figure> figures = new ArrayList<>();
      figures.addAll(bench.ingestion(data, warmups, rounds));
      if (stored > 0) {
        figures.addAll(bench.paging(stored));
      }
      List<String> about = bench.about(run, warmups, rounds);
      String section = ResultsFile.update(results, SECTION, about, figures);
      System.out.println();
      System.out.println(section);
      System.out.println("Written to " + results.toAbsolutePath().normalize());
    } finally {
      mamori.close();
    }
  }

  /** A person of the operator with a read-and-write token made through Mamori's own pages. */
  private static ExchangeBenchmark prepare(ConfigurableApplicationContext mamori) throws Exception {
    OrganisationId organisation =
        mamori
            .getBean(Directory.class)
            .organisationByCode(ORGANISATION)
            .map(OrganisationSummary::id)
            .orElseThrow(() -> new IllegalStateException("no demo organisation " + ORGANISATION));
    String email = "bench-" + UUID.randomUUID() + "@bench.example";
    PersonId person =
        mamori
            .getBean(Enrolment.class)
            .enrol(Actor.SYSTEM, email, "ベンチ担当", organisation, Set.of("reporter"));
    mamori.getBean(Passwords.class).set(Actor.SYSTEM, person, PASSWORD);
    TaxiiClient client = new TaxiiClient(BenchRun.port(mamori));
    client.signInAndMakeToken(email, PASSWORD, organisation.value());
    return new ExchangeBenchmark(mamori, client, organisation);
  }

  private UUID newCollection(String title) {
    return mamori
        .getBean(TaxiiCollections.class)
        .define(
            Actor.SYSTEM,
            new CollectionDefinition(
                title + " " + UUID.randomUUID(),
                "",
                null,
                Tlp.GREEN,
                false,
                Set.of(organisation),
                Set.<SectorId>of(),
                Set.of(organisation)));
  }

  // ---------------------------------------------------------------- adding (POST)

  /** What one POST did and how long it took until its status was complete. */
  private record Posted(long nanos, CpuMeter.Reading cpu, int total, int successes, int failures) {}

  private List<Figure> ingestion(Path data, int warmups, int rounds) throws Exception {
    byte[] update = envelope(data.resolve(BUNDLE_UPDATE));
    byte[] earlier = envelope(data.resolve(BUNDLE_EARLIER));
    System.out.printf("Warming up: %d rounds into throwaway collections%n", warmups);
    for (int i = 0; i < warmups; i++) {
      post(newCollection("bench warm-up"), update);
      UUID collection = newCollection("bench warm-up");
      post(collection, earlier);
      post(collection, update);
    }
    List<Posted> fresh = new ArrayList<>();
    List<Posted> first = new ArrayList<>();
    List<Posted> updates = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      fresh.add(post(newCollection("bench 18.1"), update));
      UUID collection = newCollection("bench 17.0 → 18.1");
      first.add(post(collection, earlier));
      updates.add(post(collection, update));
      System.out.printf(
          "round %d: 18.1 %.3f s, 17.0 %.3f s, 18.1 over 17.0 %.3f s%n",
          i + 1,
          fresh.get(i).nanos() / 1e9,
          first.get(i).nanos() / 1e9,
          updates.get(i).nanos() / 1e9);
    }
    return List.of(
        postFigure("POST ATT&CK for ICS 18.1 into an empty collection", fresh, "< 0.15 s"),
        postFigure("POST ATT&CK for ICS 17.0 into an empty collection", first, "—"),
        postFigure("POST ATT&CK for ICS 18.1 as an update over 17.0", updates, "< 0.15 s"));
  }

  /** The bundle's objects as a TAXII envelope. */
  private static byte[] envelope(Path bundle) throws Exception {
    JsonNode objects = JSON.readTree(Files.readAllBytes(bundle)).get("objects");
    ObjectNode envelope = JSON.createObjectNode();
    envelope.set("objects", objects);
    return JSON.writeValueAsBytes(envelope);
  }

  /** POSTs and waits until the request's status is complete (Mamori completes it in the POST). */
  private Posted post(UUID collection, byte[] envelope) throws Exception {
    CpuMeter.Reading cpuStart = cpu.now();
    long start = System.nanoTime();
    HttpResponse<String> reply = client.post(collection, envelope);
    if (reply.statusCode() != 202) {
      throw new IllegalStateException("POST answered " + reply.statusCode() + ": " + reply.body());
    }
    JsonNode status = JSON.readTree(reply.body());
    while (!status.path("status").asString().equals("complete")) {
      Thread.sleep(1);
      status =
          JSON.readTree(client.get(TaxiiClient.statusPath(status.get("id").asString())).body());
    }
    long took = System.nanoTime() - start;
    CpuMeter.Reading cpuTook = cpu.now().since(cpuStart);
    Posted posted =
        new Posted(
            took,
            cpuTook,
            status.path("total_count").asInt(),
            status.path("success_count").asInt(),
            status.path("failure_count").asInt());
    if (posted.successes() + posted.failures() != posted.total()) {
      throw new IllegalStateException("an object has no outcome: " + status);
    }
    return posted;
  }

  private static Figure postFigure(String name, List<Posted> rounds, String target) {
    long[] nanos = rounds.stream().mapToLong(Posted::nanos).sorted().toArray();
    Posted any = rounds.get(0);
    double median = BenchRun.percentile(nanos, 50) / 1e9;
    double best = nanos[0] / 1e9;
    long[] cpuNanos = rounds.stream().mapToLong(round -> round.cpu().total()).sorted().toArray();
    long[] databaseNanos =
        rounds.stream().mapToLong(round -> round.cpu().database()).sorted().toArray();
    return new Figure(
        name + " (" + any.total() + " objects, " + any.failures() + " refused)",
        String.format(
            Locale.ROOT,
            "median %.3f s (%,.0f objects/s), best %.3f s; CPU median %.3f s (database %.3f s);"
                + " %d rounds",
            median,
            any.total() / median,
            best,
            BenchRun.percentile(cpuNanos, 50) / 1e9,
            BenchRun.percentile(databaseNanos, 50) / 1e9,
            rounds.size()),
        target);
  }

  // ---------------------------------------------------------------- reading (GET)

  private List<Figure> paging(int stored) throws Exception {
    UUID collection = newCollection("bench paging");
    long fillStart = System.nanoTime();
    Instant firstAdded = fill(collection, stored);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    System.out.printf(
        "Generated %,d objects straight into the store (SQL, not through the API) in %.1f s%n",
        stored, fillSeconds);

    String first = TaxiiClient.objectsPath(collection) + "?limit=" + PAGE;
    System.out.println("Warming up: reading 50 pages");
    walk(first, 50);
    Walk walk = walk(first, Integer.MAX_VALUE);
    if (walk.objects() != stored) {
      throw new IllegalStateException("paging saw " + walk.objects() + " of " + stored);
    }
    System.out.printf(
        "Paged through %,d objects in %,d pages: p50 %.1f ms, p99 %.1f ms, %.1f MB/s%n",
        walk.objects(), walk.pages(), walk.p(50), walk.p(99), walk.megabytesPerSecond());

    Random random = new Random(42);
    long[] nanos = new long[RANDOM_STARTS];
    long bytes = 0;
    CpuMeter.Reading cpuStart = cpu.now();
    for (int i = 0; i < RANDOM_STARTS; i++) {
      Instant after = firstAdded.plus(random.nextInt(stored - PAGE), ChronoUnit.MICROS);
      long start = System.nanoTime();
      TaxiiClient.PageBody page =
          client.getPage(first + "&added_after=" + TaxiiClient.encoded(after.toString()));
      nanos[i] = System.nanoTime() - start;
      bytes += page.length();
      if (page.status() != 200 || objectsIn(page) != PAGE) {
        throw new IllegalStateException("added_after page: " + page.status());
      }
    }
    Walk starts =
        new Walk(
            BenchRun.sorted(nanos),
            RANDOM_STARTS,
            RANDOM_STARTS * PAGE,
            bytes,
            cpu.now().since(cpuStart));
    System.out.printf(
        "%d pages from random added_after: p50 %.1f ms, p99 %.1f ms%n",
        RANDOM_STARTS, starts.p(50), starts.p(99));
    String at = String.format(Locale.ROOT, "%,d stored", stored);
    return List.of(
        new Figure(
            "GET a page of 1,000 following `next`, " + at,
            String.format(
                Locale.ROOT,
                "p50 %.1f ms, p99 %.1f ms, %.1f MB/s; CPU %.1f ms a page (database %.1f ms); %,d pages",
                walk.p(50),
                walk.p(99),
                walk.megabytesPerSecond(),
                walk.cpuMillisPerPage(),
                walk.databaseMillisPerPage(),
                walk.pages()),
            "p99 < 50 ms"),
        new Figure(
            "GET a page of 1,000 from a random `added_after`, " + at,
            String.format(
                Locale.ROOT,
                "p50 %.1f ms, p99 %.1f ms, %.1f MB/s; CPU %.1f ms a page (database %.1f ms); %d pages",
                starts.p(50),
                starts.p(99),
                starts.megabytesPerSecond(),
                starts.cpuMillisPerPage(),
                starts.databaseMillisPerPage(),
                RANDOM_STARTS),
            "p99 < 50 ms"),
        new Figure(
            "Generating the stored objects in SQL (setup, not the API)",
            String.format(Locale.ROOT, "%.1f s", fillSeconds),
            "—"));
  }

  /** Latencies of sequential page reads, sorted, and what they carried. */
  private record Walk(
      long[] sortedNanos, int pages, long objects, long bytes, CpuMeter.Reading cpu) {

    double cpuMillisPerPage() {
      return cpu.total() / 1e6 / pages;
    }

    double databaseMillisPerPage() {
      return cpu.database() / 1e6 / pages;
    }

    double p(int percent) {
      return BenchRun.percentile(sortedNanos, percent) / 1e6;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / (Arrays.stream(sortedNanos).sum() / 1e9);
    }
  }

  /** Reads pages from the first one, following {@code next}, until there are no more or enough. */
  private Walk walk(String first, int most) throws Exception {
    List<Long> nanos = new ArrayList<>();
    long objects = 0;
    long bytes = 0;
    String next = null;
    CpuMeter.Reading cpuStart = cpu.now();
    do {
      String path = next == null ? first : first + "&next=" + TaxiiClient.encoded(next);
      long start = System.nanoTime();
      TaxiiClient.PageBody page = client.getPage(path);
      nanos.add(System.nanoTime() - start);
      if (page.status() != 200) {
        throw new IllegalStateException(path + " answered " + page.status());
      }
      bytes += page.length();
      objects += objectsIn(page);
      next = nextOf(page);
    } while (next != null && nanos.size() < most);
    return new Walk(
        BenchRun.sorted(nanos.stream().mapToLong(Long::longValue).toArray()),
        nanos.size(),
        objects,
        bytes,
        cpu.now().since(cpuStart));
  }

  /**
   * How many objects the envelope holds, counted with a streaming parser: a tree of every page
   * would cost this JVM more garbage collection than serving the page does, and the CPU figures
   * include this JVM's collector.
   */
  private static int objectsIn(TaxiiClient.PageBody envelope) {
    try (JsonParser parser = JSON.createParser(envelope.buffer(), 0, envelope.length())) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        boolean objects = parser.currentName().equals("objects");
        parser.nextToken();
        if (!objects) {
          parser.skipChildren();
          continue;
        }
        int count = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          parser.skipChildren();
          count++;
        }
        return count;
      }
      return 0;
    }
  }

  /** The envelope's {@code next}, read from its head without parsing the objects. */
  private static String nextOf(TaxiiClient.PageBody envelope) {
    try (JsonParser parser = JSON.createParser(envelope.buffer(), 0, envelope.length())) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        if (name.equals("objects")) {
          return null;
        }
        parser.nextToken();
        if (name.equals("next")) {
          return parser.getString();
        }
        parser.skipChildren();
      }
      return null;
    }
  }

  /**
   * Adds generated indicators to the collection with multi-row INSERTs straight into the store's
   * table: one version each, TLP:GREEN, a microsecond apart in date added, the collection's last
   * date added moved past them and its STIX versions noted, as Mamori's own adding would.
   *
   * @return the first date added
   */
  private Instant fill(UUID collection, int count) {
    Instant firstAdded = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String created = "2026-01-01T00:00:00.000Z";
    int chunk = 100_000;
    for (int from = 0; from < count; from += chunk) {
      jdbc.sql(
              """
              insert into stix_object (collection_id, object_id, object_type, spec_version, version,
                                       version_text, date_added, tlp, originator, json)
              select :collection, g.id, 'indicator', '2.1', cast(:created as timestamptz), :created,
                     :first + g.n * interval '1 microsecond', 'GREEN', :originator,
                     jsonb_build_object(
                       'type', 'indicator', 'spec_version', '2.1', 'id', g.id,
                       'created', :created, 'modified', :created,
                       'name', 'Generated indicator ' || g.n,
                       'description', 'A generated indicator for paging through a large collection.',
                       'indicator_types', jsonb_build_array('malicious-activity'),
                       'pattern', format('[ipv4-addr:value = ''10.%s.%s.%s'']',
                                         (g.n / 65536) % 256, (g.n / 256) % 256, g.n % 256),
                       'pattern_type', 'stix', 'valid_from', :created,
                       'object_marking_refs', jsonb_build_array(cast(:marking as text)))
                from (select n, 'indicator--' || gen_random_uuid() as id
                        from generate_series(cast(:from as int), cast(:to as int)) n) g
              """)
          .param("collection", collection)
          .param("created", created)
          .param("first", SqlTime.utc(firstAdded))
          .param("originator", organisation.value())
          .param("marking", TLP_GREEN)
          .param("from", from)
          .param("to", Math.min(count, from + chunk) - 1)
          .update();
      System.out.printf("  %,d objects stored%n", Math.min(count, from + chunk));
    }
    jdbc.sql(
            "update taxii_collection set last_date_added = :last, spec_versions = '{2.1}'"
                + " where id = :collection")
        .param("last", SqlTime.utc(firstAdded.plus(count, ChronoUnit.MICROS)))
        .param("collection", collection)
        .update();
    // A collection that grew to this size over months has been vacuumed many times; without this
    // the first reads set every row's hint bits and autovacuum runs through the measurement.
    jdbc.sql("vacuum analyze stix_object").update();
    return firstAdded;
  }

  // ---------------------------------------------------------------- the report

  private List<String> about(BenchRun run, int warmups, int rounds) {
    List<String> about =
        new ArrayList<>(
            run.about(
                jdbc,
                "`mvn -B -ntp -Pbench process-test-classes` — Mamori in-process, the client over"
                    + " HTTP on loopback with an API token"));
    about.addAll(
        List.of(
            String.format(
                Locale.ROOT,
                "POST: %d warm-up rounds into throwaway collections, then %d measured rounds; the time"
                    + " runs from sending the envelope until its status is complete, every object"
                    + " validated and its outcome recorded",
                warmups,
                rounds),
            "GET: objects generated straight into the store's table (the bench measures reading),"
                + " then read over HTTP; latency until the whole page is received",
            "CPU: time on the cores while serving, which other work on the machine disturbs far less"
                + " than wall time: Mamori's JVM"
                + (cpu.countsDatabase() ? " plus the embedded PostgreSQL's processes" : " only")
                + " (the bench's own thread left out)"));
    return about;
  }
}
