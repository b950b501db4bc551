package org.mamori.notify.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries "a notice was created" from the node that created it to every node, through PostgreSQL's
 * LISTEN/NOTIFY: the signal is sent when the creating transaction commits (never for one that rolls
 * back), and each node passes it to the browsers it holds. One connection per node listens.
 */
@Component
class NotificationSignals implements SmartLifecycle {

  static final String CHANNEL = "mamori_notification";

  private static final Logger log = LoggerFactory.getLogger(NotificationSignals.class);
  private static final int WAIT_MILLIS = 1_000;
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(2);

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final LiveNotifications live;
  private volatile boolean running;
  private @Nullable Thread listener;

  NotificationSignals(JdbcClient jdbc, DataSource dataSource, LiveNotifications live) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.live = live;
  }

  /** Inside the transaction that created the notice: sent to every node on commit. */
  void announce(UUID notification) {
    jdbc.sql("select pg_notify(:channel, :payload)")
        .param("channel", CHANNEL)
        .param("payload", notification.toString())
        .query()
        .listOfRows();
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::listen, "mamori-notification-signals");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] signals = postgres.getNotifications(WAIT_MILLIS);
          if (signals != null) {
            for (PGNotification signal : signals) {
              pass(signal.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("Listening for new notifications failed; trying again: {}", e.getMessage());
          pause();
        }
      }
    }
  }

  private void pass(String payload) {
    try {
      live.created(UUID.fromString(payload));
    } catch (RuntimeException e) {
      log.warn("Could not pass a new notification to browsers: {}", e.getMessage());
    }
  }

  private void pause() {
    try {
      Thread.sleep(AFTER_FAILURE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
