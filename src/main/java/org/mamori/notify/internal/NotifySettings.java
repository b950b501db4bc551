package org.mamori.notify.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends e-mails and webhook calls ({@code mamori.notify.*}).
 *
 * @param pollInterval how often each node looks for deliveries that are due
 * @param batchSize how many deliveries one poll claims at most
 * @param firstRetry the wait after a first failed attempt; it doubles with each further failure, up
 *     to six hours
 * @param maxAttempts attempts before a delivery is given up (and shown as failed)
 * @param claimFor how long a claimed delivery is left to its node before another may try it (a node
 *     that stopped mid-send)
 */
@ConfigurationProperties("mamori.notify")
record NotifySettings(
    @DefaultValue("PT5S") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("PT1M") Duration firstRetry,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("PT2M") Duration claimFor) {

  static final Duration LONGEST_WAIT = Duration.ofHours(6);

  /** The wait after the given number of failed attempts (1 for the first). */
  Duration retryAfter(int failedAttempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
  }
}
