package org.mamori.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Large {@code text[]} parameters. The PostgreSQL driver encodes a plain {@code String[]} element
 * by element into a binary array, which costs several times what the driver's own array (one array
 * literal, {@code Connection.createArrayOf}) does; for the thousands of elements of a bulk insert
 * that is milliseconds a statement.
 */
public final class SqlArrays {

  private SqlArrays() {}

  public static SqlArrayValue text(@Nullable String[] values) {
    return new SqlArrayValue("text", (Object[]) values);
  }
}
