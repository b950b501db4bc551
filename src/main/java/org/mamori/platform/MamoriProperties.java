package org.mamori.platform;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mamori's own settings, read from environment variables (see README "Configuration").
 *
 * @param dataDirectory files Mamori keeps outside the database ({@code MAMORI_DATA_DIR})
 * @param baseUrl the address people use to reach Mamori, for links in e-mails ({@code
 *     MAMORI_BASE_URL})
 * @param demo load demo data: unset means "only with the embedded database" ({@code MAMORI_DEMO})
 * @param db the database server; unset URL means the embedded PostgreSQL
 * @param secretKey base64 master secret for keys kept outside the database ({@code
 *     MAMORI_SECRET_KEY}); blank means a file under the data directory
 * @param freshStart wipe the data directory on the first start in this JVM (tests only)
 */
@ConfigurationProperties("mamori")
public record MamoriProperties(
    Path dataDirectory,
    URI baseUrl,
    @Nullable Boolean demo,
    Database db,
    String secretKey,
    boolean freshStart) {

  /**
   * @param url JDBC URL of a PostgreSQL server ({@code MAMORI_DB_URL})
   * @param user ({@code MAMORI_DB_USER})
   * @param password ({@code MAMORI_DB_PASSWORD})
   * @param freshEmbedded wipe the embedded database's directory on start (tests only)
   */
  public record Database(
      @Nullable String url,
      @Nullable String user,
      @Nullable String password,
      boolean freshEmbedded) {

    public boolean embedded() {
      return url == null || url.isBlank();
    }
  }

  public DeploymentMode deploymentMode() {
    boolean demoData = demo != null ? demo : db.embedded();
    return new DeploymentMode(db.embedded(), demoData, dataDirectory.toAbsolutePath().normalize());
  }
}
