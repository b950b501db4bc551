package org.mamori.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.mamori.platform.DeploymentMode;
import org.mamori.platform.MamoriProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mamori's one database: a PostgreSQL server when {@code MAMORI_DB_URL} is set, otherwise the
 * embedded PostgreSQL with its data under the data directory.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  /** A bean of its own so the embedded server stops only after the pool that uses it. */
  @Bean(destroyMethod = "close")
  EmbeddedDatabaseLease embeddedDatabaseLease(MamoriProperties properties, DeploymentMode mode) {
    if (!properties.db().embedded()) {
      return EmbeddedDatabaseLease.none();
    }
    return EmbeddedDatabaseLease.of(
        EmbeddedDatabaseServer.acquire(mode.dataDirectory().resolve("postgresql")));
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(MamoriProperties properties, EmbeddedDatabaseLease embedded) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("mamori");
    config.setMaximumPoolSize(20);
    MamoriProperties.Database db = properties.db();
    if (embedded.server() != null) {
      config.setJdbcUrl(embedded.server().jdbcUrl());
    } else {
      log.info("Using the PostgreSQL server at {}", db.url());
      config.setJdbcUrl(db.url());
      config.setUsername(db.user());
      config.setPassword(db.password());
    }
    return new HikariDataSource(config);
  }
}
