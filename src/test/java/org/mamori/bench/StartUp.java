package org.mamori.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mamori started as its own JVM (Mamori's classes and libraries, as {@code mvn spring-boot:run}
 * runs it), embedded PostgreSQL and demo data: the time from launching the process until {@code
 * /actuator/health} answers, then, after it has settled, the heap in use after a full collection
 * ({@code jcmd GC.run}, {@code GC.heap_info}) and the process's resident memory. Once on a fresh
 * data directory (database created, migrated, demo data loaded) and once more on the same data.
 */
final class StartUp {

  /** One start: seconds until ready, heap used after GC and resident set, in MiB. */
  record Result(double readySeconds, double heapMib, double residentMib) {}

  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final Pattern RESIDENT = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  private StartUp() {}

  static Result run(Path dataDirectory, boolean fresh, int settleSeconds) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "org.mamori.MamoriApplication",
                "--server.port=" + port,
                "--mamori.data-directory=" + dataDirectory,
                "--mamori.fresh-start=" + fresh,
                "--mamori.demo=true",
                "--logging.level.root=WARN"));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    long start = System.nanoTime();
    Process mamori =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDirectory.resolveSibling("bench-startup.log").toFile())
            .start();
    try {
      while (true) {
        if (!mamori.isAlive()) {
          throw new IllegalStateException(
              "Mamori stopped while starting; see "
                  + dataDirectory.resolveSibling("bench-startup.log"));
        }
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
          throw new IllegalStateException("Mamori was not ready in 5 minutes");
        }
        Thread.sleep(50);
      }
      double ready = (System.nanoTime() - start) / 1e9;
      Thread.sleep(settleSeconds * 1000L);
      String pid = Long.toString(mamori.pid());
      jcmd(pid, "GC.run");
      String heapInfo = jcmd(pid, "GC.heap_info");
      Matcher used = HEAP_USED.matcher(heapInfo);
      if (!used.find()) {
        throw new IllegalStateException("no heap figures from jcmd:\n" + heapInfo);
      }
      Matcher resident =
          RESIDENT.matcher(
              java.nio.file.Files.readString(
                  Path.of("/proc", pid, "status"), StandardCharsets.UTF_8));
      Result result =
          new Result(
              ready,
              Long.parseLong(used.group(1)) / 1024.0,
              resident.find() ? Long.parseLong(resident.group(1)) / 1024.0 : 0);
      System.out.printf(
          "Start-up (%s): ready after %.1f s, heap after GC %.0f MiB, resident %.0f MiB%n",
          fresh ? "fresh data" : "existing data",
          result.readySeconds(),
          result.heapMib(),
          result.residentMib());
      return result;
    } finally {
      mamori.destroy();
      if (!mamori.waitFor(60, TimeUnit.SECONDS)) {
        mamori.destroyForcibly().waitFor();
      }
    }
  }

  private static String jcmd(String pid, String what) throws Exception {
    Path beside =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    String tool = java.nio.file.Files.isExecutable(beside) ? beside.toString() : "jcmd";
    Process jcmd = new ProcessBuilder(tool, pid, what).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return output;
  }
}
