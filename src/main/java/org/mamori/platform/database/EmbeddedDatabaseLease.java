package org.mamori.platform.database;

import org.jspecify.annotations.Nullable;

/** This context's share of the embedded server, or nothing when a server is configured. */
record EmbeddedDatabaseLease(@Nullable EmbeddedDatabaseServer server) implements AutoCloseable {

  static EmbeddedDatabaseLease none() {
    return new EmbeddedDatabaseLease(null);
  }

  static EmbeddedDatabaseLease of(EmbeddedDatabaseServer server) {
    return new EmbeddedDatabaseLease(server);
  }

  @Override
  public void close() {
    if (server != null) {
      server.release();
    }
  }
}
