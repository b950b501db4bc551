package org.mamori.exchange.internal.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.exchange.ExchangeRuleViolation;
import org.mamori.exchange.internal.taxii.StoredCollections;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.Tlp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform administrators subscribe Mamori to remote TAXII collections, change, enable and disable
 * the subscriptions; every change is audited, and the secret never leaves sealed.
 */
@Service
@Transactional
class SubscriptionAdministration {

  static final int LONGEST_TITLE = 200;
  static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
  static final Duration LONGEST_INTERVAL = Duration.ofDays(7);

  /** The ceilings offered: TLP:RED is never received. */
  static final Set<Tlp> CEILINGS = Set.of(Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT);

  private final Subscriptions subscriptions;
  private final SubscriptionCredentials credentials;
  private final StoredCollections collections;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SubscriptionAdministration(
      Subscriptions subscriptions,
      SubscriptionCredentials credentials,
      StoredCollections collections,
      Directory directory,
      AccessPolicy access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.credentials = credentials;
    this.collections = collections;
    this.directory = directory;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  UUID subscribe(Actor actor, SubscriptionDefinition definition) {
    requireAdministrator(actor);
    UUID id = UUID.randomUUID();
    SubscriptionDefinition checked = checked(definition, null);
    subscriptions.insert(id, checked, sealed(id, checked, null), clock.instant());
    audit(actor, "exchange.subscription.created", id, null, State.of(checked, true, false));
    return id;
  }

  void change(Actor actor, UUID id, SubscriptionDefinition definition) {
    requireAdministrator(actor);
    Subscription current = existing(id);
    SubscriptionDefinition checked = checked(definition, current);
    subscriptions.update(id, checked, sealed(id, checked, current), clock.instant());
    audit(
        actor,
        "exchange.subscription.changed",
        id,
        State.of(current.definition(), current.enabled(), false),
        State.of(checked, current.enabled(), checked.newSecret() != null));
  }

  void enable(Actor actor, UUID id, boolean enabled) {
    requireAdministrator(actor);
    Subscription current = existing(id);
    if (current.enabled() == enabled) {
      return;
    }
    subscriptions.enable(id, enabled, clock.instant());
    audit(
        actor,
        enabled ? "exchange.subscription.enabled" : "exchange.subscription.disabled",
        id,
        State.of(current.definition(), current.enabled(), false),
        State.of(current.definition(), enabled, false));
  }

  /** Audits that an administrator asked for a poll now (the poll itself runs outside). */
  void pollRequested(Actor actor, UUID id) {
    requireAdministrator(actor);
    Subscription current = existing(id);
    audit(
        actor,
        "exchange.subscription.pollRequested",
        id,
        null,
        State.of(current.definition(), current.enabled(), false));
  }

  private Subscription existing(UUID id) {
    return subscriptions
        .byId(id)
        .orElseThrow(() -> new ExchangeRuleViolation("subscription.unknown", "title"));
  }

  private void requireAdministrator(Actor actor) {
    if (!actor.isSystem() && !access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators manage TAXII subscriptions");
    }
  }

  /** The definition tidied, or why it will not do. */
  private SubscriptionDefinition checked(
      SubscriptionDefinition definition, @Nullable Subscription current) {
    String title = definition.title().strip();
    if (title.isEmpty()) {
      throw new ExchangeRuleViolation("subscription.title.required", "title");
    }
    if (title.length() > LONGEST_TITLE) {
      throw new ExchangeRuleViolation("subscription.title.long", "title", LONGEST_TITLE);
    }
    URI url = collectionUrl(definition.remoteUrl());
    String user = definition.authUser() == null ? null : definition.authUser().strip();
    boolean secretKept =
        current != null
            && current.sealedSecret() != null
            && current.authKind() == definition.authKind();
    boolean secretGiven = definition.newSecret() != null && !definition.newSecret().isBlank();
    switch (definition.authKind()) {
      case NONE -> user = null;
      case BEARER -> {
        user = null;
        if (!secretGiven && !secretKept) {
          throw new ExchangeRuleViolation("subscription.secret.token", "secret");
        }
      }
      case BASIC -> {
        if (user == null || user.isEmpty()) {
          throw new ExchangeRuleViolation("subscription.user.required", "authUser");
        }
        if (!secretGiven && !secretKept) {
          throw new ExchangeRuleViolation("subscription.secret.password", "secret");
        }
      }
    }
    if (definition.pollInterval().compareTo(SHORTEST_INTERVAL) < 0
        || definition.pollInterval().compareTo(LONGEST_INTERVAL) > 0) {
      throw new ExchangeRuleViolation(
          "subscription.interval.range",
          "pollMinutes",
          Long.toString(LONGEST_INTERVAL.toMinutes()));
    }
    if (!CEILINGS.contains(definition.ceiling())) {
      throw new ExchangeRuleViolation("subscription.ceiling.red", "ceiling");
    }
    if (collections.byId(definition.targetCollection()).isEmpty()) {
      throw new ExchangeRuleViolation("subscription.collection.unknown", "targetCollection");
    }
    if (directory.organisations(Set.of(definition.receivingOrganisation())).isEmpty()) {
      throw new ExchangeRuleViolation("subscription.organisation.unknown", "organisation");
    }
    return new SubscriptionDefinition(
        title,
        url,
        definition.authKind(),
        user,
        secretGiven ? definition.newSecret() : null,
        definition.pollInterval(),
        definition.ceiling(),
        definition.targetCollection(),
        definition.receivingOrganisation());
  }

  /** An absolute http(s) address without query or fragment, ending in a slash. */
  private static URI collectionUrl(URI given) {
    String scheme = given.getScheme() == null ? "" : given.getScheme().toLowerCase();
    if (!given.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || given.getHost() == null
        || given.getRawQuery() != null
        || given.getRawFragment() != null
        || given.getRawUserInfo() != null) {
      throw new ExchangeRuleViolation("subscription.url.form", "url");
    }
    String text = given.toString();
    if (text.endsWith("/objects/")) {
      // People often copy the objects address: the collection is one level up.
      text = text.substring(0, text.length() - "objects/".length());
    }
    return URI.create(text.endsWith("/") ? text : text + "/");
  }

  private @Nullable String sealed(
      UUID id, SubscriptionDefinition checked, @Nullable Subscription current) {
    if (checked.authKind() == AuthKind.NONE) {
      return null;
    }
    if (checked.newSecret() != null) {
      return credentials.seal(id, checked.newSecret());
    }
    return current == null ? null : current.sealedSecret();
  }

  /** What the audit digest covers: never the secret, only whether a new one was set. */
  record State(
      String title,
      String remoteUrl,
      AuthKind authKind,
      @Nullable String authUser,
      boolean newSecret,
      long pollSeconds,
      Tlp ceiling,
      String targetCollection,
      String receivingOrganisation,
      boolean enabled) {

    static State of(SubscriptionDefinition definition, boolean enabled, boolean newSecret) {
      return new State(
          definition.title(),
          definition.remoteUrl().toString(),
          definition.authKind(),
          definition.authUser(),
          newSecret,
          definition.pollInterval().toSeconds(),
          definition.ceiling(),
          definition.targetCollection().toString(),
          definition.receivingOrganisation().toString(),
          enabled);
    }
  }

  private void audit(
      Actor actor, String action, UUID id, @Nullable State before, @Nullable State after) {
    String title = after != null ? after.title() : before == null ? "" : before.title();
    events.publishEvent(
        new AuditableChange(
            actor,
            action,
            "taxii-subscription",
            id.toString(),
            "TAXII subscription " + title,
            before,
            after));
  }
}
