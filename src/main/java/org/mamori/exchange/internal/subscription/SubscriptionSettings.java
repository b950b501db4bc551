package org.mamori.exchange.internal.subscription;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The TAXII client's settings ({@code mamori.taxii.client.*}).
 *
 * @param scheduled whether each node looks for due subscriptions by itself (off in tests, which
 *     poll directly)
 * @param tick how often each node looks for subscriptions due to be polled
 * @param pageSize how many objects one request asks for: one page is held in memory at a time
 * @param maxPagesPerPoll the most pages one poll fetches; the next poll goes on from there
 * @param maxPageBytes the largest page accepted from a remote server
 * @param timeout how long a remote server may take to connect and to answer
 * @param lease how long a node may poll one subscription before another node may take over
 * @param maxBackoff the longest wait after repeated failures
 * @param refusalsKept how many refused objects each subscription keeps for its page
 */
@ConfigurationProperties("mamori.taxii.client")
@Validated
record SubscriptionSettings(
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("PT30S") Duration tick,
    @DefaultValue("500") @Positive int pageSize,
    @DefaultValue("1000") @Positive int maxPagesPerPoll,
    @DefaultValue("64MB") DataSize maxPageBytes,
    @DefaultValue("PT30S") Duration timeout,
    @DefaultValue("PT15M") Duration lease,
    @DefaultValue("PT6H") Duration maxBackoff,
    @DefaultValue("100") @Positive int refusalsKept) {

  /** The wait before the next poll after {@code failures} failures in a row: doubling, capped. */
  Duration backoff(Duration pollInterval, int failures) {
    Duration wait = pollInterval;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
  }
}
