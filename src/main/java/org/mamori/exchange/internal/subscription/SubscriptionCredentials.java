package org.mamori.exchange.internal.subscription;

import java.util.UUID;
import org.mamori.platform.KeyRing;
import org.mamori.platform.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Keeps each subscription's token or password sealed under the key ring's {@code
 * "taxii-subscription"} key, bound to the subscription, since Mamori must send it to the remote.
 */
@Component
class SubscriptionCredentials {

  private final SecretBox box;

  SubscriptionCredentials(KeyRing keys) {
    this.box = new SecretBox(keys, "taxii-subscription");
  }

  String seal(UUID subscription, String secret) {
    return box.seal(subscription.toString(), secret);
  }

  String open(UUID subscription, String sealed) {
    return box.open(subscription.toString(), sealed);
  }
}
