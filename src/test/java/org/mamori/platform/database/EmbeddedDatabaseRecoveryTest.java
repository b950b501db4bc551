package org.mamori.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

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

  @TempDir Path directory;

  @Test
  void startsCleanlyOnTheSameDataAfterTheJvmWasKilled() throws Exception {
    Process crashing =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrashingMamori.class.getName(),
                    directory.toString()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(crashing.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = output.readLine();
      } while (line != null && !line.equals("READY"));
      assertThat(line).as("the first Mamori reported its database ready").isEqualTo("READY");
    }
    crashing.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0));
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
        .as("the killed JVM left its PostgreSQL running")
        .contains(true);

    EmbeddedDatabaseServer restarted = EmbeddedDatabaseServer.acquire(directory);
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

  @Test
  void aLockFileNamingSomeOtherProcessDoesNotBlockTheStart() throws Exception {
    EmbeddedDatabaseServer first = EmbeddedDatabaseServer.acquire(directory);
    first.release();
    // A stale lock whose process id now belongs to an unrelated, living process (this JVM).
    Files.writeString(
        directory.resolve("postmaster.pid"),
        ProcessHandle.current().pid() + "\n" + directory + "\n0\n5432\n");

    EmbeddedDatabaseServer second = EmbeddedDatabaseServer.acquire(directory);
    try (Connection connection = DriverManager.getConnection(second.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet one = statement.executeQuery("select 1")) {
      assertThat(one.next()).isTrue();
    } finally {
      second.release();
    }
  }
}
