package org.mamori.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SharedItems;
import org.mamori.sharing.SharedItems.Notice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls an organisation's webhook: a POST of JSON, signed with HMAC-SHA256 of the exact body under
 * the organisation's secret in {@value #SIGNATURE}. What the body may say is asked again now, as
 * the webhook's reader (the person who set it up), and TLP:RED items are never sent. Redirects are
 * not followed; any 2xx answer counts as received.
 */
@Component
class WebhookSender {

  static final String SIGNATURE = "X-Mamori-Signature";
  static final String EVENT = "X-Mamori-Event";
  static final String DELIVERY = "X-Mamori-Delivery";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The body receivers get.
   *
   * @param id the delivery's id: the same on every retry, so a receiver can ignore repeats
   * @param type what happened, such as {@code report.received}
   * @param url where people read the item in Mamori
   * @param occurredAt when Mamori learnt of it (UTC, ISO 8601)
   */
  record Payload(
      UUID id,
      String type,
      String reference,
      String title,
      String tlp,
      String url,
      Instant occurredAt) {}

  private final Webhooks webhooks;
  private final WebhookSecrets secrets;
  private final WebhookAddresses addresses;
  private final SharedItems items;
  private final NoticeTexts texts;
  private final HttpClient http;

  WebhookSender(
      Webhooks webhooks,
      WebhookSecrets secrets,
      WebhookAddresses addresses,
      SharedItems items,
      NoticeTexts texts) {
    this.webhooks = webhooks;
    this.secrets = secrets;
    this.addresses = addresses;
    this.items = items;
    this.texts = texts;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * A notice about a situation: its words in Japanese as the title, its reference, and where the
   * organisation's people read more.
   */
  private Payload aboutSituation(Delivery delivery) {
    UUID situation = java.util.Objects.requireNonNull(delivery.situation(), "situation");
    return new Payload(
        delivery.id(),
        delivery.kind().eventType(delivery.variant()),
        delivery.reference(),
        delivery.subject() == null ? "" : delivery.subject().ja(),
        NoticeTexts.SITUATION_MARKING.label(),
        texts.link(texts.situationPath(situation, delivery.organisation())),
        delivery.createdAt());
  }

  Outcome send(Delivery delivery) {
    Optional<Webhook> webhook = webhooks.findByOrganisationId(delivery.organisation().value());
    if (webhook.isEmpty()) {
      return Outcome.withheld("the organisation has no webhook now");
    }
    Payload payload;
    if (delivery.item() == null) {
      payload = aboutSituation(delivery);
    } else {
      Optional<Notice> notice =
          items
              .noticeFor(delivery.item(), webhook.get().reader())
              .filter(found -> found.tlp() != Tlp.RED);
      if (notice.isEmpty()) {
        return Outcome.withheld("the webhook's reader may not read the item");
      }
      payload =
          new Payload(
              delivery.id(),
              delivery.kind().eventType(),
              notice.get().reference(),
              notice.get().title(),
              notice.get().tlp().label(),
              texts.link(notice.get().path()),
              delivery.createdAt());
    }
    URI url = webhook.get().url();
    try {
      if (!addresses.allowed(url)) {
        return Outcome.failed("the address is not allowed for webhooks");
      }
    } catch (UnknownHostException e) {
      return Outcome.tryAgain("unknown host " + url.getHost());
    }
    byte[] body = JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    String secret = secrets.open(delivery.organisation(), webhook.get().sealedSecret());
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .header(SIGNATURE, WebhookSecrets.signature(secret, body))
            .header(EVENT, payload.type())
            .header(DELIVERY, delivery.id().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300
          ? Outcome.sent("HTTP " + status)
          : Outcome.tryAgain("HTTP " + status);
    } catch (IOException e) {
      return Outcome.tryAgain(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.tryAgain("interrupted");
    }
  }
}
