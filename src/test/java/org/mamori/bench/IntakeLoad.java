package org.mamori.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Report intake over HTTP, open loop: at a fixed offered rate, request {@code i} is due at {@code
 * start + i / rate} and is sent then, whatever became of the earlier ones; its latency runs from
 * when it was due until the reply is read, so a queue in Mamori shows as latency instead of as a
 * slower client (requests are sent asynchronously, so a slow reply never holds the next one back).
 * Every request is {@code POST /api/reports} (a first report, TLP:GREEN) with the token of the next
 * generated person, so the load spreads over all the operators and travels each sector's sharing
 * map.
 */
final class IntakeLoad {

  /** Requests still open beyond this are not sent, and count as errors ("client limit"). */
  private static final int MOST_IN_FLIGHT = 4_000;

  private static final Duration DRAIN = Duration.ofSeconds(60);

  /** What one step at one offered rate did. */
  record Step(
      int offered,
      int sent,
      int succeeded,
      int errors,
      double sustained,
      long[] sortedNanos,
      CpuMeter.Reading cpu,
      String databaseSessions) {

    double p(double percent) {
      return BenchRun.percentile(sortedNanos, percent) / 1e6;
    }
  }

  private final URI reports;
  private final List<Population.Person> people;
  private final CpuMeter cpu;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicLong sequence = new AtomicLong();

  private final DataSource database;

  IntakeLoad(int port, List<Population.Person> people, CpuMeter cpu, DataSource database) {
    this.database = database;
    this.reports = URI.create("http://127.0.0.1:" + port + "/api/reports");
    this.people = people;
    this.cpu = cpu;
  }

  /** A few requests one after the other, so the first measured step does not pay for warming up. */
  void warmUp(int requests) throws Exception {
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> reply = http.send(request(), HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 201) {
        throw new IllegalStateException(
            "POST /api/reports answered " + reply.statusCode() + ": " + reply.body());
      }
    }
  }

  Step run(int rate, int seconds) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong lastDone = new AtomicLong();
    CpuMeter.Reading cpuStart = cpu.now();
    long start = System.nanoTime() + 100_000_000L;
    int sent = 0;
    DatabaseWaits waits = new DatabaseWaits(database);
    CountDownLatch finished = new CountDownLatch(total);
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      LockSupport.parkNanos(due - System.nanoTime());
      if (inFlight.get() >= MOST_IN_FLIGHT) {
        finished.countDown();
        continue;
      }
      sent++;
      inFlight.incrementAndGet();
      int index = i;
      http.sendAsync(request(), HttpResponse.BodyHandlers.discarding())
          .handle(
              (reply, failure) -> {
                long done = System.nanoTime();
                boolean ok = failure == null && reply.statusCode() == 201;
                if (ok) {
                  latencies[index] = done - due;
                  succeeded.incrementAndGet();
                }
                lastDone.accumulateAndGet(done, Math::max);
                inFlight.decrementAndGet();
                finished.countDown();
                return null;
              });
    }
    finished.await(DRAIN.toSeconds(), TimeUnit.SECONDS);
    waits.close();
    CpuMeter.Reading used = cpu.now().since(cpuStart);
    long[] ok = BenchRun.sorted(java.util.Arrays.stream(latencies).filter(n -> n > 0).toArray());
    double wall = (Math.max(lastDone.get(), start + (long) (total * 1e9 / rate)) - start) / 1e9;
    Step step =
        new Step(
            rate,
            sent,
            succeeded.get(),
            total - succeeded.get(),
            succeeded.get() / wall,
            ok,
            used,
            waits.summary());
    System.out.printf(
        Locale.ROOT,
        "offered %,d/s for %d s: %,d filed, %,d errors, sustained %.0f/s, p50 %.1f ms, p99 %.1f"
            + " ms, CPU %.2f ms a report; database sessions: %s%n",
        rate,
        seconds,
        step.succeeded(),
        step.errors(),
        step.sustained(),
        step.p(50),
        step.p(99),
        step.succeeded() == 0 ? 0 : used.total() / 1e6 / step.succeeded(),
        step.databaseSessions());
    return step;
  }

  private HttpRequest request() {
    long n = sequence.getAndIncrement();
    Population.Person person = people.get((int) (n % people.size()));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String body =
        String.format(
            Locale.ROOT,
            """
            {"stage":"FIRST","summary":"ベンチ報告 %d: 制御系サーバの応答が遅い","occurredAt":"%s",\
            "detectedAt":"%s","eventType":"unavailable","impact":"degraded",\
            "causes":["unknown"],"details":"負荷試験で送った報告です。","tlp":"GREEN",\
            "emergency":false}""",
            n,
            now.minus(Duration.ofMinutes(30)),
            now.minus(Duration.ofMinutes(10)));
    return HttpRequest.newBuilder(reports)
        .header("Authorization", "Bearer " + person.token())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
