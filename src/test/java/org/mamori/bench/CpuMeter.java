package org.mamori.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent serving, which a machine shared with other work disturbs far less than wall time:
 * this JVM's (Mamori and the client's HTTP I/O, less the bench's own thread) plus, for the embedded
 * database, its PostgreSQL server's processes, read from {@code /proc} (Linux).
 */
final class CpuMeter {

  /** Linux's USER_HZ: {@code /proc/<pid>/stat} counts CPU time in hundredths of a second. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final OperatingSystemMXBean process =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final String postgresData;

  private final String postmaster;

  /**
   * @param postgresData the embedded server's data directory; with a server elsewhere
   *     (MAMORI_DB_URL) no process runs there, and only the JVM is counted
   */
  CpuMeter(Path postgresData) {
    this.postgresData = postgresData.toAbsolutePath().normalize().toString();
    this.postmaster = postmaster();
  }

  boolean countsDatabase() {
    return postmaster != null;
  }

  /**
   * CPU time used so far, in nanoseconds, by the JVM and by the database; only differences count.
   */
  record Reading(long jvm, long database) {

    Reading since(Reading earlier) {
      return new Reading(jvm - earlier.jvm, database - earlier.database);
    }

    long total() {
      return jvm + database;
    }
  }

  Reading now() {
    return new Reading(process.getProcessCpuTime() - threads.getCurrentThreadCpuTime(), postgres());
  }

  private long postgres() {
    if (postmaster == null) {
      return 0;
    }
    long ticks = 0;
    for (String[] stat : stats()) {
      if (stat[0].equals(postmaster) || stat[3].equals(postmaster)) {
        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
      }
    }
    return ticks * NANOS_PER_TICK;
  }

  private String postmaster() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path pid : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String commandLine = read(pid.resolve("cmdline")).replace('\0', ' ');
        if (commandLine.contains("postgres") && commandLine.contains(" -D " + postgresData + " ")) {
          return pid.getFileName().toString();
        }
      }
    } catch (IOException noProc) {
      return null;
    }
    return null;
  }

  /** Each process's stat fields, the command name (which may hold spaces) taken out. */
  private static List<String[]> stats() {
    List<String[]> stats = new ArrayList<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path pid : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String stat = read(pid.resolve("stat"));
        int name = stat.lastIndexOf(')');
        if (name < 0) {
          continue;
        }
        String[] rest = stat.substring(name + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = stat.substring(0, stat.indexOf(' '));
        fields[1] = "";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        stats.add(fields);
      }
    } catch (IOException noProc) {
      return stats;
    }
    return stats;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException gone) {
      return "";
    }
  }
}
