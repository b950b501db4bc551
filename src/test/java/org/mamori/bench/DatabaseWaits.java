package org.mamori.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What Mamori's database sessions are doing while under load, sampled from {@code pg_stat_activity}
 * every 200 ms on a connection of the bench's own (Mamori's pool may be exhausted): each active
 * session counts as running ("CPU") or as waiting on what it waits on (a lock, I/O); a session
 * "idle in transaction" is one whose transaction Mamori holds open while it does something else
 * (its Java code, or waiting for another connection). Where intake stops scaling, this says where
 * the time goes.
 */
final class DatabaseWaits implements AutoCloseable {

  private static final String SAMPLE =
      """
      select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU')
                  else state end, count(*)
        from pg_stat_activity
       where datname = current_database() and state not in ('idle', 'disabled')
         and pid <> pg_backend_pid()
       group by 1
      """;

  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final AtomicInteger samples = new AtomicInteger();
  private final Connection connection;
  private final Thread sampler;
  private volatile boolean running = true;

  DatabaseWaits(DataSource mamori) throws SQLException {
    HikariDataSource pool = mamori.unwrap(HikariDataSource.class);
    connection =
        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    sampler = new Thread(this::sample, "bench-database-waits");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    try (Statement statement = connection.createStatement()) {
      while (running) {
        try (ResultSet rows = statement.executeQuery(SAMPLE)) {
          while (rows.next()) {
            seen.computeIfAbsent(rows.getString(1), k -> new AtomicInteger())
                .addAndGet(rows.getInt(2));
          }
        }
        samples.incrementAndGet();
        Thread.sleep(200);
      }
    } catch (SQLException | InterruptedException stopped) {
      // the sampler ends with the step
    }
  }

  /** The commonest states: the average number of sessions in each, the three largest. */
  String summary() {
    int count = Math.max(1, samples.get());
    List<Map.Entry<String, AtomicInteger>> states = new ArrayList<>(seen.entrySet());
    states.sort((a, b) -> Integer.compare(b.getValue().get(), a.getValue().get()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, AtomicInteger> state : states.subList(0, Math.min(3, states.size()))) {
      parts.add(
          String.format(
              Locale.ROOT, "%s %.1f", state.getKey(), state.getValue().get() / (double) count));
    }
    return parts.isEmpty() ? "none active" : String.join(", ", parts);
  }

  @Override
  public void close() throws Exception {
    running = false;
    sampler.join(2_000);
    connection.close();
  }
}
