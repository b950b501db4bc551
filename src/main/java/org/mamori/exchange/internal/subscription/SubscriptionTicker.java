package org.mamori.exchange.internal.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node looks for due subscriptions now and then ({@code mamori.taxii.client.tick}); claims
 * keep nodes from polling one subscription at once. Off with {@code
 * mamori.taxii.client.scheduled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "mamori.taxii.client.scheduled", matchIfMissing = true)
class SubscriptionTicker {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionTicker.class);

  private final SubscriptionPoller poller;

  SubscriptionTicker(SubscriptionPoller poller) {
    this.poller = poller;
  }

  @Scheduled(
      fixedDelayString = "${mamori.taxii.client.tick:PT30S}",
      initialDelayString = "${mamori.taxii.client.tick:PT30S}")
  void tick() {
    try {
      poller.pollDue();
    } catch (RuntimeException e) {
      // The database may be away for a moment; the next tick tries again.
      log.warn("Looking for due TAXII subscriptions failed", e);
    }
  }
}
