package org.mamori.exchange.internal.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.exchange.internal.store.StixObjects.Addition;
import org.mamori.exchange.internal.store.StixObjects.NewVersion;
import org.mamori.exchange.internal.subscription.RemoteCollection.Failure;
import org.mamori.exchange.internal.subscription.Subscription.Counts;
import org.mamori.exchange.internal.subscription.Subscriptions.Refusal;
import org.mamori.exchange.internal.taxii.ObjectIntake;
import org.mamori.exchange.internal.taxii.StoredCollections;
import org.mamori.exchange.internal.taxii.TaxiiCollection;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Polls subscriptions: pages through the remote collection from the high-water mark and stores each
 * page in one transaction, together with the new high-water mark, so a poll that dies resumes
 * exactly where it stopped and a page received twice changes nothing. Each object goes through the
 * same check as a TAXII POST; TLP:RED is always refused and objects marked above the ceiling are
 * skipped, each with its reason kept for the subscription's page. A failing remote is recorded and
 * tried again later, waiting longer each time.
 *
 * <p>Refusal reasons are written in Japanese, whoever or whatever started the poll.
 */
@Service
public class SubscriptionPoller {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionPoller.class);
  private static final Locale REASONS = Locale.JAPANESE;

  private final Subscriptions subscriptions;
  private final SubscriptionCredentials credentials;
  private final RemoteCollection remote;
  private final ObjectIntake intake;
  private final StixObjects objects;
  private final StoredCollections collections;
  private final ReceivedObjects received;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final SubscriptionSettings settings;
  private final Clock clock;

  SubscriptionPoller(
      Subscriptions subscriptions,
      SubscriptionCredentials credentials,
      RemoteCollection remote,
      ObjectIntake intake,
      StixObjects objects,
      StoredCollections collections,
      ReceivedObjects received,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      MessageSource messages,
      SubscriptionSettings settings,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.credentials = credentials;
    this.remote = remote;
    this.intake = intake;
    this.objects = objects;
    this.collections = collections;
    this.received = received;
    this.transaction = transaction;
    this.events = events;
    this.messages = messages;
    this.settings = settings;
    this.clock = clock;
  }

  /** Polls every subscription due now that no other node is polling; how many were polled. */
  public int pollDue() {
    int polled = 0;
    Optional<UUID> claimed;
    while ((claimed = claimDue()).isPresent()) {
      poll(claimed.get());
      polled++;
    }
    return polled;
  }

  /**
   * Polls one subscription now, due or not.
   *
   * @return false when another poll of it is under way
   */
  public boolean pollNow(UUID subscription) {
    Optional<UUID> claimed =
        transaction.execute(
            status -> subscriptions.claim(subscription, clock.instant(), settings.lease()));
    if (claimed == null || claimed.isEmpty()) {
      return false;
    }
    poll(subscription);
    return true;
  }

  private Optional<UUID> claimDue() {
    Optional<UUID> claimed =
        transaction.execute(status -> subscriptions.claimDue(clock.instant(), settings.lease()));
    return claimed == null ? Optional.empty() : claimed;
  }

  private void poll(UUID id) {
    Locale callers = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(REASONS);
    try {
      Subscription subscription = subscriptions.byId(id).orElseThrow();
      Tally tally = new Tally();
      try {
        if (pages(subscription, tally)) {
          subscriptions.succeeded(
              id, tally.counts, clock.instant(), clock.instant().plus(subscription.pollInterval()));
        }
      } catch (Failure failure) {
        failed(subscription, tally, failure.status(), failure.getMessage());
      } catch (RuntimeException unexpected) {
        log.error("Polling subscription {} failed", id, unexpected);
        failed(
            subscription,
            tally,
            null,
            unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage());
      }
    } finally {
      LocaleContextHolder.setLocale(callers);
    }
  }

  private void failed(
      Subscription subscription, Tally tally, @Nullable Integer status, @Nullable String message) {
    int failures =
        subscriptions.failed(
            subscription.id(),
            tally.counts,
            status,
            message == null ? "" : message,
            clock.instant(),
            subscription.pollInterval(),
            settings);
    log.warn(
        "Polling subscription {} ({}) failed {} time(s) in a row: HTTP {} {}",
        subscription.title(),
        subscription.remoteUrl(),
        failures,
        status,
        message);
  }

  /** What one poll has done so far, over the pages committed. */
  private static final class Tally {
    Counts counts = Counts.NONE;
  }

  /**
   * Fetches and stores pages until the remote has no more.
   *
   * @return false when another poll took the subscription over (this node's lease ran out)
   */
  private boolean pages(Subscription subscription, Tally tally) throws Failure {
    RemoteCollection.Access access =
        new RemoteCollection.Access(
            subscription.remoteUrl(),
            subscription.authKind(),
            subscription.authUser(),
            subscription.sealedSecret() == null
                ? null
                : credentials.open(subscription.id(), subscription.sealedSecret()));
    String mark = subscription.highWaterMark();
    String addedAfter = mark;
    String next = null;
    for (int page = 0; page < settings.maxPagesPerPoll(); page++) {
      RemoteCollection.Page fetched = remote.page(access, addedAfter, next);
      // Without the header the mark stays: the next poll asks again, and repeats change nothing.
      String advanced = fetched.dateAddedLast() != null ? fetched.dateAddedLast() : mark;
      String from = mark;
      Counts counts =
          transaction.execute(status -> store(subscription, from, advanced, fetched.objects()));
      if (counts == null) {
        return false;
      }
      tally.counts = tally.counts.plus(counts);
      mark = advanced;
      if (!fetched.more()) {
        return true;
      }
      if (fetched.next() != null) {
        next = fetched.next();
      } else if (fetched.dateAddedLast() != null) {
        // A server may page by added_after alone (TAXII 3.4.2).
        addedAfter = mark;
      } else {
        throw new Failure(200, text("subscription.error.noPaging"));
      }
    }
    // The rest waits for the next poll.
    return true;
  }

  /**
   * Stores one page and advances the high-water mark, in the caller's transaction.
   *
   * @return what became of the page's objects; null when another poll moved the mark meanwhile
   */
  private @Nullable Counts store(
      Subscription subscription,
      @Nullable String expectedMark,
      @Nullable String advancedMark,
      List<JsonNode> page) {
    String current = subscriptions.lockHighWaterMark(subscription.id()).orElse(null);
    if (!Objects.equals(current, expectedMark)) {
      log.info("Subscription {} was polled meanwhile; this poll stops", subscription.id());
      return null;
    }
    TaxiiCollection target = collections.byId(subscription.targetCollection()).orElseThrow();
    Instant now = clock.instant();
    List<Refusal> refusals = new ArrayList<>();
    List<JsonNode> acceptable = new ArrayList<>(page.size());
    int aboveCeiling = 0;
    for (JsonNode object : page) {
      List<String> problems = intake.problems(object);
      if (!problems.isEmpty()) {
        refusals.add(refusal(object, String.join(" ", problems), now));
        continue;
      }
      Tlp tlp = ObjectIntake.marking(object, target.defaultTlp());
      if (tlp == Tlp.RED) {
        refusals.add(refusal(object, text("subscription.refused.red"), now));
      } else if (tlp.isStricterThan(subscription.ceiling())) {
        aboveCeiling++;
        refusals.add(
            refusal(
                object,
                text(
                    "subscription.refused.aboveCeiling",
                    tlp.label(),
                    subscription.ceiling().label()),
                now));
      } else {
        acceptable.add(object);
      }
    }
    int stored = 0;
    int unchanged = 0;
    List<String> added = new ArrayList<>();
    if (!acceptable.isEmpty()) {
      Instant dateAdded = objects.reserveDatesAdded(target.id(), acceptable.size());
      for (JsonNode object : acceptable) {
        NewVersion version =
            ObjectIntake.version(
                object,
                ObjectIntake.marking(object, target.defaultTlp()),
                subscription.receivingOrganisation(),
                Set.of());
        Addition addition = objects.add(target.id(), version, dateAdded);
        switch (addition.outcome()) {
          case ADDED -> {
            stored++;
            added.add(version.objectId() + " " + addition.version());
            received.record(target.id(), version, dateAdded, subscription.id(), now);
          }
          case ALREADY_THERE -> unchanged++;
          case CONFLICTS ->
              refusals.add(refusal(object, text("subscription.refused.conflicts"), now));
        }
        dateAdded = dateAdded.plus(1, ChronoUnit.MICROS);
      }
    }
    subscriptions.refuse(subscription.id(), refusals, settings.refusalsKept());
    subscriptions.advance(subscription.id(), advancedMark);
    if (!added.isEmpty()) {
      events.publishEvent(
          new AuditableChange(
              Actor.SYSTEM,
              "exchange.objects.received",
              "taxii-subscription",
              subscription.id().toString(),
              added.size()
                  + " STIX object versions received from "
                  + subscription.remoteUrl()
                  + " into "
                  + target.title(),
              null,
              new Received(subscription.remoteUrl().toString(), advancedMark, added)));
    }
    return new Counts(stored, unchanged, aboveCeiling, refusals.size() - aboveCeiling);
  }

  /** What the audit digest covers: where from, up to which mark, and each version stored. */
  record Received(String remote, @Nullable String highWaterMark, List<String> versions) {}

  private static Refusal refusal(JsonNode object, String reason, Instant at) {
    return new Refusal(
        ObjectIntake.string(object, "id").orElse("?"),
        ObjectIntake.versionText(object).orElse(""),
        reason,
        at);
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, REASONS);
  }
}
