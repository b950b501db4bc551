package org.mamori.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, on every node: each poll claims a few due deliveries (others' claims
 * are skipped), sends them outside any transaction and records the outcome. A failed attempt is
 * tried again later, waiting twice as long each time; after {@code maxAttempts} it is given up. A
 * node that stops mid-send leaves its claim to expire, and the delivery is sent by the next poll
 * after (at least once; receivers can tell repeats by the delivery id).
 */
@Component
class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final Deliveries deliveries;
  private final EmailSender email;
  private final WebhookSender webhook;
  private final MailChannel mail;
  private final NotifySettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Outbox(
      Deliveries deliveries,
      EmailSender email,
      WebhookSender webhook,
      MailChannel mail,
      NotifySettings settings,
      TransactionTemplate transaction,
      Clock clock) {
    this.deliveries = deliveries;
    this.email = email;
    this.webhook = webhook;
    this.mail = mail;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${mamori.notify.poll-interval:PT5S}",
      initialDelayString = "${mamori.notify.poll-interval:PT5S}")
  void poll() {
    int sent;
    do {
      sent = sendDue(clock.instant());
    } while (sent == settings.batchSize());
  }

  /** Sends one batch of deliveries due at the instant; how many were tried. */
  int sendDue(Instant now) {
    // A node without SMTP leaves e-mails to the nodes that have it.
    Set<Delivery.Channel> channels =
        mail.configured()
            ? EnumSet.allOf(Delivery.Channel.class)
            : EnumSet.of(Delivery.Channel.WEBHOOK);
    List<Delivery> claimed =
        transaction.execute(
            status -> deliveries.claim(channels, now, settings.claimFor(), settings.batchSize()));
    if (claimed == null) {
      return 0;
    }
    for (Delivery delivery : claimed) {
      record(delivery, attempt(delivery));
    }
    return claimed.size();
  }

  private Outcome attempt(Delivery delivery) {
    try {
      return delivery.channel() == Delivery.Channel.EMAIL
          ? email.send(delivery)
          : webhook.send(delivery);
    } catch (RuntimeException e) {
      log.warn("Delivery {} failed unexpectedly", delivery.id(), e);
      return Outcome.tryAgain(e.getClass().getSimpleName());
    }
  }

  private void record(Delivery delivery, Outcome outcome) {
    Instant at = clock.instant();
    switch (outcome.result()) {
      case SENT -> deliveries.sent(delivery.id(), outcome.description(), at);
      case WITHHELD -> deliveries.withheld(delivery.id(), outcome.description());
      case FAILED -> deliveries.failed(delivery.id(), outcome.description());
      case TRY_AGAIN -> {
        if (delivery.attempts() >= settings.maxAttempts()) {
          log.warn(
              "Gave up {} delivery {} after {} attempts: {}",
              delivery.channel(),
              delivery.id(),
              delivery.attempts(),
              outcome.description());
          deliveries.failed(delivery.id(), outcome.description());
        } else {
          log.info(
              "{} delivery {} failed (attempt {}), will try again: {}",
              delivery.channel(),
              delivery.id(),
              delivery.attempts(),
              outcome.description());
          deliveries.retryAt(
              delivery.id(),
              outcome.description(),
              at.plus(settings.retryAfter(delivery.attempts())));
        }
      }
    }
  }
}
