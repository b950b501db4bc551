package org.mamori.notify.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's administrators set up, change and remove its webhook. Secrets are between 16
 * and 200 characters; they are never shown again, only replaced.
 */
@Service
@Transactional
class WebhookAdministration {

  static final int SHORTEST_SECRET = 16;
  static final int LONGEST_SECRET = 200;

  /** What the audit trail digests: where it points and whose reading it follows, no secret. */
  record State(String url, String reader) {
    static @Nullable State of(@Nullable Webhook webhook) {
      return webhook == null
          ? null
          : new State(webhook.url().toString(), webhook.configuredBy().toString());
    }
  }

  private final Webhooks webhooks;
  private final WebhookSecrets secrets;
  private final WebhookAddresses addresses;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  WebhookAdministration(
      Webhooks webhooks,
      WebhookSecrets secrets,
      WebhookAddresses addresses,
      AccessPolicy access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.webhooks = webhooks;
    this.secrets = secrets;
    this.addresses = addresses;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  /** Whether the actor administers the organisation they act for (and so its webhook). */
  @Transactional(readOnly = true)
  boolean mayAdminister(Actor actor) {
    return access.can(actor, Capability.ADMINISTER_ORGANISATION);
  }

  @Transactional(readOnly = true)
  Optional<Webhook> of(Actor actor) {
    require(actor);
    return webhooks.findByOrganisationId(actor.organisation().value());
  }

  /**
   * Sets the webhook of the organisation the actor acts for.
   *
   * @param secret a new secret, or blank to keep the current one (required for a new webhook)
   * @throws NotifyRuleViolation if the URL or the secret will not do
   */
  void save(Actor actor, String url, String secret) {
    require(actor);
    URI target = addresses.parse(url);
    String newSecret = secret.strip();
    Webhook current = webhooks.findByOrganisationId(actor.organisation().value()).orElse(null);
    if (newSecret.isEmpty() && current == null) {
      throw new NotifyRuleViolation("notify.webhook.secret.required", "secret");
    }
    if (!newSecret.isEmpty()
        && (newSecret.length() < SHORTEST_SECRET || newSecret.length() > LONGEST_SECRET)) {
      throw new NotifyRuleViolation(
          "notify.webhook.secret.length", "secret", SHORTEST_SECRET, LONGEST_SECRET);
    }
    State before = State.of(current);
    Webhook saved;
    if (current == null) {
      saved =
          webhooks.save(
              Webhook.setUp(
                  actor, target, secrets.seal(actor.organisation(), newSecret), clock.instant()));
    } else {
      current.change(
          actor,
          target,
          newSecret.isEmpty() ? null : secrets.seal(actor.organisation(), newSecret),
          clock.instant());
      saved = webhooks.save(current);
    }
    audit(
        actor, before == null ? "notify.webhook.set-up" : "notify.webhook.changed", before, saved);
  }

  void remove(Actor actor) {
    require(actor);
    webhooks
        .findByOrganisationId(actor.organisation().value())
        .ifPresent(
            webhook -> {
              webhooks.delete(webhook);
              audit(actor, "notify.webhook.removed", State.of(webhook), null);
            });
  }

  private void audit(Actor actor, String action, @Nullable State before, @Nullable Webhook after) {
    events.publishEvent(
        new AuditableChange(
            actor,
            action,
            "organisation",
            actor.organisation().toString(),
            "Webhook " + action.substring(action.lastIndexOf('.') + 1),
            before,
            State.of(after)));
  }

  private void require(Actor actor) {
    if (!mayAdminister(actor)) {
      throw new AccessDeniedException("only the organisation's administrators manage its webhook");
    }
  }
}
