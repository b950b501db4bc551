package org.mamori.notify.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Where an organisation's own system hears of what reaches it: a URL called with signed JSON. The
 * person who last set it up is the reader on whose behalf the system is told anything, so a webhook
 * never learns more than that person may read.
 */
@Table("notify_webhook")
class Webhook {

  private final @Id UUID id;
  private final UUID organisationId;
  private String url;
  private String secret;
  private UUID configuredBy;
  private Instant configuredAt;
  private @Version @Nullable Long version;

  @PersistenceCreator
  Webhook(
      UUID id,
      UUID organisationId,
      String url,
      String secret,
      UUID configuredBy,
      Instant configuredAt,
      @Nullable Long version) {
    this.id = id;
    this.organisationId = organisationId;
    this.url = url;
    this.secret = secret;
    this.configuredBy = configuredBy;
    this.configuredAt = configuredAt;
    this.version = version;
  }

  /**
   * @param sealedSecret the signing secret, sealed ({@link WebhookSecrets})
   */
  static Webhook setUp(Actor by, URI url, String sealedSecret, Instant at) {
    return new Webhook(
        UUID.randomUUID(),
        by.organisation().value(),
        url.toString(),
        sealedSecret,
        by.person().value(),
        at,
        null);
  }

  /**
   * Points the webhook elsewhere, and makes the person changing it its reader.
   *
   * @param sealedSecret a new sealed secret, or null to keep the current one
   */
  void change(Actor by, URI newUrl, @Nullable String sealedSecret, Instant at) {
    this.url = newUrl.toString();
    if (sealedSecret != null) {
      this.secret = sealedSecret;
    }
    this.configuredBy = by.person().value();
    this.configuredAt = at;
  }

  /** The reader the organisation's system is told as. */
  Actor reader() {
    return new Actor(new PersonId(configuredBy), organisation());
  }

  OrganisationId organisation() {
    return new OrganisationId(organisationId);
  }

  URI url() {
    return URI.create(url);
  }

  String sealedSecret() {
    return secret;
  }

  PersonId configuredBy() {
    return new PersonId(configuredBy);
  }

  Instant configuredAt() {
    return configuredAt;
  }
}
