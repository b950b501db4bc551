package org.mamori.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mamori.MamoriApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every bench command shares: Mamori started in-process on a random port with a fresh embedded
 * PostgreSQL (or the server named by {@code MAMORI_DB_URL}), the machine, date, load average and
 * database written above each table, and percentiles.
 */
final class BenchRun {

  private final ZonedDateTime startedAt = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
  private final double loadBefore = loadAverage();

  /** The load average over the last minute ({@code -1} where the system does not say). */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Starts Mamori in-process on a random port, its data (and embedded database) under {@code
   * dataDirectory}, wiped first, with the demo data; {@code settings} are further {@code
   * --name=value} arguments.
   */
  static ConfigurableApplicationContext startMamori(String dataDirectory, String... settings) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--mamori.data-directory=" + dataDirectory,
                "--mamori.fresh-start=true",
                // The demo organisations give the bench operators, a hub and a duty officer.
                "--mamori.demo=true",
                "--mamori.taxii.client.scheduled=false",
                "--logging.level.root=WARN"));
    arguments.addAll(Arrays.asList(settings));
    long start = System.nanoTime();
    ConfigurableApplicationContext mamori =
        new SpringApplicationBuilder(MamoriApplication.class).run(arguments.toArray(String[]::new));
    System.out.printf("Mamori started in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return mamori;
  }

  static int port(ConfigurableApplicationContext mamori) {
    return Integer.parseInt(mamori.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** The embedded PostgreSQL's data directory under Mamori's data directory. */
  static Path postgresData(String dataDirectory) {
    return Path.of(dataDirectory, "postgresql");
  }

  /** The lines every section starts with: machine, date, database, command. */
  List<String> about(JdbcClient jdbc, String command) {
    String database = jdbc.sql("select version()").query(String.class).single();
    boolean embedded = System.getenv("MAMORI_DB_URL") == null;
    return List.of(
        machine(loadBefore),
        "Date: " + startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'")),
        "Database: "
            + database.replaceFirst(" on .*", "")
            + (embedded ? ", embedded (in-process, fresh data directory)" : ", MAMORI_DB_URL"),
        "Command: " + command);
  }

  static String machine(double loadBefore) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    return String.format(
        Locale.ROOT,
        "Machine: %s, %d cores, %.0f GiB, %s %s; Java %s. The cores are shared: figures are"
            + " noisy. Load average before the run: %.2f",
        cpuModel(),
        os.getAvailableProcessors(),
        memory / (1024.0 * 1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        loadBefore);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException unreadable) {
      return "unknown CPU";
    }
  }

  static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** Nearest-rank percentile of sorted values (0 when there are none). */
  static double percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
