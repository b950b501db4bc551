package org.mamori.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code kill -9} of Mamori, its PostgreSQL keeps running with the data directory locked; the
 * next start must stop that orphan and start cleanly on the same data.
 */
class EmbeddedDatabaseRecoveryTest {

  @TempDir Path dataDirectory;

  /** Where the server keeps its files, as Mamori lays it out under its data directory. */
  private Path database() {
    return dataDirectory.resolve("postgresql");
  }

  @Test
  void startsCleanlyOnTheSameDataAfterTheJvmWasKilled() throws Exception {
    Process crashing = startCrashingMamori();
    crashing.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    long orphan = Long.parseLong(Files.readAllLines(database().resolve("postmaster.pid")).get(0));
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
        .as("the killed JVM left its PostgreSQL running")
        .contains(true);

    EmbeddedDatabaseServer restarted = EmbeddedDatabaseServer.acquire(database());
    try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select note from survivor")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("written before the crash");
    } finally {
      restarted.release();
    }
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  /** Starts a Mamori stand-in in another JVM and waits until its database is ready. */
  private Process startCrashingMamori() throws Exception {
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrashingMamori.class.getName(),
                    database().toString()))
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = output.readLine();
    } while (line != null && !line.equals("READY"));
    assertThat(line).as("the other Mamori reported its database ready").isEqualTo("READY");
    return process;
  }

  @Test
  void aLockFileNamingSomeOtherProcessDoesNotBlockTheStart() throws Exception {
    EmbeddedDatabaseServer first = EmbeddedDatabaseServer.acquire(database());
    first.release();
    // A stale lock whose process id now belongs to an unrelated, living process (this JVM).
    Files.writeString(
        database().resolve("postmaster.pid"),
        ProcessHandle.current().pid() + "\n" + database() + "\n0\n5432\n");

    EmbeddedDatabaseServer second = EmbeddedDatabaseServer.acquire(database());
    try (Connection connection = DriverManager.getConnection(second.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet one = statement.executeQuery("select 1")) {
      assertThat(one.next()).isTrue();
    } finally {
      second.release();
    }
  }

  @Test
  void aSecondMamoriOnTheSameDataLeavesTheRunningOneAlone() throws Exception {
    Process running = startCrashingMamori();
    try {
      long server = Long.parseLong(Files.readAllLines(database().resolve("postmaster.pid")).get(0));
      assertThatThrownBy(() -> EmbeddedDatabaseServer.acquire(database()))
          .hasMessageContaining("Another Mamori is running with this data directory");
      assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
    } finally {
      running.destroy();
      running.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
