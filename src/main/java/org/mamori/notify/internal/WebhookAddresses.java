package org.mamori.notify.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.mamori.platform.DeploymentMode;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may point: http or https URLs without credentials in them, and never at this
 * machine or link-local addresses (cloud metadata services), so an organisation's administrator
 * cannot make Mamori call services that trust it. In the demo, this machine is allowed too, so a
 * webhook can be tried out locally.
 */
@Component
class WebhookAddresses {

  static final int LONGEST_URL = 2000;

  private final boolean loopbackAllowed;

  WebhookAddresses(DeploymentMode mode) {
    this.loopbackAllowed = mode.demo();
  }

  /**
   * The URL as a webhook may use it.
   *
   * @throws NotifyRuleViolation if it is not one
   */
  URI parse(String text) {
    String candidate = text.strip();
    if (candidate.isEmpty() || candidate.length() > LONGEST_URL) {
      throw new NotifyRuleViolation("notify.webhook.url.invalid", "url");
    }
    URI url;
    try {
      url = new URI(candidate);
    } catch (URISyntaxException e) {
      throw new NotifyRuleViolation("notify.webhook.url.invalid", "url");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || url.getHost() == null
        || url.getRawUserInfo() != null
        || url.getRawFragment() != null) {
      throw new NotifyRuleViolation("notify.webhook.url.invalid", "url");
    }
    try {
      if (!allowed(url)) {
        throw new NotifyRuleViolation("notify.webhook.url.notAllowed", "url");
      }
    } catch (UnknownHostException notYetKnown) {
      // The name may be registered later; each delivery checks the address again.
    }
    return url;
  }

  /**
   * Whether every address the URL's host resolves to now may be called.
   *
   * @throws UnknownHostException if the host does not resolve
   */
  boolean allowed(URI url) throws UnknownHostException {
    for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
      if (!allowed(address)) {
        return false;
      }
    }
    return true;
  }

  private boolean allowed(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return loopbackAllowed;
    }
    return !(address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isMulticastAddress());
  }
}
