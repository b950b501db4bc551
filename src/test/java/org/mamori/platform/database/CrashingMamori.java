package org.mamori.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Stands in for a Mamori that gets killed: starts the embedded database in a directory, writes a
 * row, says READY and waits to be killed with SIGKILL (so no shutdown hook runs).
 */
public final class CrashingMamori {

  private CrashingMamori() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabaseServer server = EmbeddedDatabaseServer.acquire(Path.of(args[0]));
    // Without Spring to close it, stop the server on a normal exit; SIGKILL skips this, as meant.
    Runtime.getRuntime().addShutdownHook(new Thread(server::release));
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists survivor (note text)");
      statement.execute("insert into survivor values ('written before the crash')");
    }
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
