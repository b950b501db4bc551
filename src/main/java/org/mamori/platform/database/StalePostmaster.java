package org.mamori.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed Mamori leaves behind in the embedded database's directory. When the JVM is
 * killed, its PostgreSQL server keeps running (orphaned) and holds {@code postmaster.pid}; a new
 * server on the same directory would refuse to start. We stop the orphan cleanly (it then has no
 * clients), and remove a lock file whose process id now belongs to something else.
 */
final class StalePostmaster {

  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
  private static final Duration SMART_SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private StalePostmaster() {}

  static void clear(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    Optional<Long> pid = readPid(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      // PostgreSQL itself removes a lock file whose process is gone.
      return;
    }
    if (!isPostgres(process.get())) {
      log.warn(
          "Removing the stale database lock file {}: process {} is not PostgreSQL",
          pidFile,
          pid.get());
      Files.deleteIfExists(pidFile);
      return;
    }
    log.warn(
        "A database server left running by an earlier Mamori (process {}) still holds {}; stopping"
            + " it before starting a new one",
        pid.get(),
        dataDirectory);
    stop(process.get());
  }

  private static Optional<Long> readPid(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException notAPid) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    String command = info.command().or(info::commandLine).orElse("");
    return command.contains("postgres");
  }

  /** SIGTERM asks PostgreSQL for a smart shutdown; the orphan's clients died with the old JVM. */
  private static void stop(ProcessHandle postmaster) throws IOException {
    postmaster.destroy();
    try {
      postmaster.onExit().get(SMART_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException slow) {
      log.warn("The old database server did not stop in {}; forcing it", SMART_SHUTDOWN_WAIT);
      postmaster.destroyForcibly();
      waitForExit(postmaster);
    } catch (ExecutionException e) {
      throw new IOException("Could not stop the old database server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping the old database server", e);
    }
  }

  private static void waitForExit(ProcessHandle process) throws IOException {
    try {
      process.onExit().get(SMART_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping the old database server", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "The old database server (process " + process.pid() + ") won't stop", e);
    }
  }
}
