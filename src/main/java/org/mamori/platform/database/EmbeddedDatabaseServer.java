package org.mamori.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server started in-process, its data kept in a directory so a restart keeps
 * everything. One server per directory per JVM: contexts that ask for the same directory share it,
 * and the last one to release it stops it.
 */
final class EmbeddedDatabaseServer {

  static final String DATABASE = "mamori";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);
  private static final Map<Path, EmbeddedDatabaseServer> RUNNING = new HashMap<>();

  private final Path directory;
  private final EmbeddedPostgres postgres;
  private final OwnerLock owner;
  private int users;

  private EmbeddedDatabaseServer(Path directory, EmbeddedPostgres postgres, OwnerLock owner) {
    this.directory = directory;
    this.postgres = postgres;
    this.owner = owner;
  }

  /** Starts the server for {@code directory}, or joins the one this JVM already runs there. */
  static synchronized EmbeddedDatabaseServer acquire(Path directory) {
    Path key = directory.toAbsolutePath().normalize();
    EmbeddedDatabaseServer server = RUNNING.get(key);
    if (server == null) {
      server = start(key);
      RUNNING.put(key, server);
    }
    server.users++;
    return server;
  }

  private static EmbeddedDatabaseServer start(Path directory) {
    try {
      Files.createDirectories(directory);
      // Only once no living process owns the directory may a running server there be an orphan.
      OwnerLock owner = OwnerLock.take(directory.resolveSibling(directory.getFileName() + ".lock"));
      StalePostmaster.clear(directory);
      log.info("Starting the embedded PostgreSQL with its data in {}", directory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              // Durability first: a report acknowledged to its sender must survive a crash.
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .setPGStartupWait(Duration.ofSeconds(60))
              // Spring stops the server when it closes the context, after everything that uses
              // it; the library's own hook would race that and leave the last queries hanging.
              .setRegisterShutdownHook(false)
              .start();
      EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(directory, postgres, owner);
      server.createDatabaseIfMissing();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE + " encoding 'UTF8'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", DATABASE);
  }

  int port() {
    return postgres.getPort();
  }

  /** Leaves the server; the last user stops it. */
  synchronized void release() {
    synchronized (EmbeddedDatabaseServer.class) {
      if (--users > 0) {
        return;
      }
      RUNNING.remove(directory);
      try {
        postgres.close();
      } catch (IOException e) {
        log.warn("Could not stop the embedded PostgreSQL cleanly", e);
      } finally {
        owner.release();
      }
    }
  }
}
