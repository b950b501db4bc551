package org.mamori.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages under signed-in users, loaded by {@code wrk} in its own process on loopback: each of the
 * users has signed in through the form; the Lua script sends every request with one user's session
 * cookie, going round the users and the pages (home, the reports list, a report, the advisories
 * list). Latency is wrk's, from the request's first byte sent to the reply's last byte read; next
 * to it, Mamori's own server time per page from Micrometer's {@code http.server.requests} timers.
 */
final class PageLoad {

  /** One request kind a user makes: whose session, which page. */
  record Visit(String cookie, String path) {}

  /** wrk's summary, and Mamori's p95 per page (milliseconds, by URI template). */
  record Result(
      int users,
      int seconds,
      long requests,
      long failed,
      double perSecond,
      double p50,
      double p95,
      double p99,
      double max,
      Map<String, Double> serverP95,
      CpuMeter.Reading cpu) {}

  private static final Pattern RESULT =
      Pattern.compile(
          "RESULT p50=(\\d+) p95=(\\d+) p99=(\\d+) max=(\\d+) requests=(\\d+) duration=(\\d+)"
              + " failed=(\\d+)");

  private PageLoad() {}

  static Result run(
      int port,
      List<Visit> visits,
      int users,
      int seconds,
      MeterRegistry meters,
      CpuMeter cpu,
      Path workDirectory)
      throws IOException, InterruptedException {
    Path script = workDirectory.resolve("bench-pages.lua");
    Files.createDirectories(workDirectory);
    Files.writeString(script, script(visits), StandardCharsets.UTF_8);
    Map<String, Long> countsBefore = counts(meters);
    CpuMeter.Reading cpuStart = cpu.now();
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + users,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port)
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    CpuMeter.Reading used = cpu.now().since(cpuStart);
    System.out.print(output);
    Matcher figures = RESULT.matcher(output);
    if (!figures.find()) {
      throw new IllegalStateException("no RESULT line from wrk:\n" + output);
    }
    long requests = Long.parseLong(figures.group(5));
    double duration = Long.parseLong(figures.group(6)) / 1e6;
    return new Result(
        users,
        seconds,
        requests,
        Long.parseLong(figures.group(7)),
        requests / duration,
        Long.parseLong(figures.group(1)) / 1e3,
        Long.parseLong(figures.group(2)) / 1e3,
        Long.parseLong(figures.group(3)) / 1e3,
        Long.parseLong(figures.group(4)) / 1e3,
        serverP95(meters, countsBefore),
        used);
  }

  /**
   * The wrk script: the visits as a table; each thread starts at its own place in it; non-2xx
   * replies (a sign-in page redirect would be a 302: the check before the run makes sure there is
   * none) and socket errors count as failed.
   */
  private static String script(List<Visit> visits) {
    StringBuilder lua = new StringBuilder("local visits = {\n");
    for (Visit visit : visits) {
      lua.append("  {\"")
          .append(visit.cookie())
          .append("\", \"")
          .append(visit.path())
          .append("\"},\n");
    }
    lua.append(
        """
        }
        local threads = {}
        function setup(thread)
          table.insert(threads, thread)
          thread:set("start", #threads * 7919)
        end
        function init(args)
          counter = start or 0
        end
        function request()
          counter = counter + 1
          local visit = visits[(counter % #visits) + 1]
          return wrk.format("GET", visit[2], {["Cookie"] = visit[1], ["Accept-Language"] = "ja"})
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            "RESULT p50=%d p95=%d p99=%d max=%d requests=%d duration=%d failed=%d\\n",
            latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
            summary.requests, summary.duration,
            e.status + e.connect + e.read + e.write + e.timeout))
        end
        """);
    return lua.toString();
  }

  private static List<Timer> pageTimers(MeterRegistry meters) {
    List<Timer> timers = new ArrayList<>();
    for (Timer timer : meters.find("http.server.requests").tag("method", "GET").timers()) {
      String uri = timer.getId().getTag("uri");
      if (uri != null && !uri.startsWith("/api") && !uri.startsWith("/taxii")) {
        timers.add(timer);
      }
    }
    return timers;
  }

  private static String key(Timer timer) {
    return timer.getId().getTag("uri") + " " + timer.getId().getTag("status");
  }

  private static Map<String, Long> counts(MeterRegistry meters) {
    Map<String, Long> counts = new LinkedHashMap<>();
    pageTimers(meters).forEach(timer -> counts.merge(key(timer), timer.count(), Long::sum));
    return counts;
  }

  /** Mamori's p95 of each page the load hit (200 replies; the last two minutes' window). */
  private static Map<String, Double> serverP95(MeterRegistry meters, Map<String, Long> before) {
    Map<String, Double> p95 = new LinkedHashMap<>();
    for (Timer timer : pageTimers(meters)) {
      if (!"200".equals(timer.getId().getTag("status"))
          || timer.count() - before.getOrDefault(key(timer), 0L) < 20) {
        continue;
      }
      for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
        if (Math.abs(value.percentile() - 0.95) < 1e-9) {
          p95.put(timer.getId().getTag("uri"), value.value(TimeUnit.MILLISECONDS));
        }
      }
    }
    return p95;
  }

  static String describe(Map<String, Double> serverP95) {
    List<String> parts = new ArrayList<>();
    serverP95.forEach((uri, ms) -> parts.add(String.format(Locale.ROOT, "`%s` %.0f ms", uri, ms)));
    return parts.isEmpty() ? "—" : String.join(", ", parts);
  }
}
