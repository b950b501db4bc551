package org.mamori.exchange.internal.taxii;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.exchange.internal.store.StixObjects.Addition;
import org.mamori.exchange.internal.store.StixObjects.NewVersion;
import org.mamori.exchange.internal.taxii.Statuses.Entry;
import org.mamori.exchange.internal.taxii.Statuses.Outcome;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.Tlp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Adds a posted envelope's objects to a collection (TAXII 5.5). Every object is checked first (side
 * by side on the machine's cores), then the status is recorded with every object pending; the
 * objects are then stored in batches, one transaction each, every object whole or not at all, with
 * its outcome recorded in the same transaction. Posting the very same object again succeeds without
 * storing it twice.
 *
 * <p>An object's marking is the strictest TLP marking among its {@code object_marking_refs}, else
 * the collection's default (never CLEAR by omission); it comes from the organisation whose token
 * posted it, and at TLP:RED it is for the person who posted it only.
 */
@Service
class Ingestion {

  private final Statuses statuses;
  private final StixObjects objects;
  private final ObjectIntake intake;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final TaxiiSettings settings;
  private final Clock clock;

  Ingestion(
      Statuses statuses,
      StixObjects objects,
      ObjectIntake intake,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      MessageSource messages,
      TaxiiSettings settings,
      Clock clock) {
    this.statuses = statuses;
    this.objects = objects;
    this.intake = intake;
    this.transaction = transaction;
    this.events = events;
    this.messages = messages;
    this.settings = settings;
    this.clock = clock;
  }

  /** One posted object, in the envelope's order, with its id and version as far as readable. */
  private record Offered(
      int position, PostedObject posted, String id, String version, List<String> problems) {

    JsonNode object() {
      return posted.tree();
    }

    Entry outcome(Outcome outcome, String version, @Nullable String message) {
      return new Entry(position, id, version, outcome, message);
    }
  }

  /**
   * Stores what may be stored of the objects.
   *
   * @return the id of the request's status, complete once this returns
   */
  UUID add(Actor actor, TaxiiCollection collection, List<PostedObject> posted) {
    List<List<String>> problems = intake.problems(posted.stream().map(PostedObject::tree).toList());
    List<Offered> offered = new ArrayList<>(posted.size());
    for (int i = 0; i < posted.size(); i++) {
      JsonNode object = posted.get(i).tree();
      offered.add(
          new Offered(
              i,
              posted.get(i),
              ObjectIntake.string(object, "id").orElse("objects[" + i + "]"),
              ObjectIntake.versionText(object).orElse(""),
              problems.get(i)));
    }
    UUID status = UUID.randomUUID();
    transaction.executeWithoutResult(
        done ->
            statuses.open(
                status,
                collection.id(),
                actor,
                clock.instant(),
                offered.stream().map(o -> o.outcome(Outcome.PENDING, o.version(), null)).toList()));
    for (int from = 0; from < offered.size(); from += settings.batchSize()) {
      List<Offered> batch =
          offered.subList(from, Math.min(offered.size(), from + settings.batchSize()));
      transaction.executeWithoutResult(done -> store(actor, collection, status, batch));
    }
    transaction.executeWithoutResult(done -> statuses.complete(status));
    return status;
  }

  private void store(Actor actor, TaxiiCollection collection, UUID status, List<Offered> batch) {
    List<Entry> outcomes = new ArrayList<>(batch.size());
    List<Offered> acceptable = new ArrayList<>(batch.size());
    for (Offered offer : batch) {
      if (offer.problems().isEmpty()) {
        acceptable.add(offer);
      } else {
        outcomes.add(
            offer.outcome(Outcome.FAILURE, offer.version(), String.join(" ", offer.problems())));
      }
    }
    List<String> added = new ArrayList<>();
    if (!acceptable.isEmpty()) {
      Instant dateAdded = objects.reserveDatesAdded(collection.id(), acceptable.size());
      List<Addition> additions =
          objects.addAll(
              collection.id(),
              acceptable.stream().map(offer -> version(actor, collection, offer)).toList(),
              dateAdded);
      for (int i = 0; i < acceptable.size(); i++) {
        Offered offer = acceptable.get(i);
        Addition addition = additions.get(i);
        switch (addition.outcome()) {
          case ADDED -> {
            outcomes.add(offer.outcome(Outcome.SUCCESS, addition.version(), null));
            added.add(offer.id() + " " + addition.version());
          }
          case ALREADY_THERE ->
              outcomes.add(
                  offer.outcome(
                      Outcome.SUCCESS, addition.version(), text("taxii.status.alreadyThere")));
          case CONFLICTS ->
              outcomes.add(
                  offer.outcome(
                      Outcome.FAILURE, addition.version(), text("taxii.status.conflicts")));
        }
      }
    }
    statuses.settle(status, outcomes);
    if (!added.isEmpty()) {
      events.publishEvent(
          new AuditableChange(
              actor,
              "exchange.objects.added",
              "taxii-collection",
              collection.id().toString(),
              added.size() + " STIX object versions added to " + collection.title() + " over TAXII",
              null,
              new Added(status.toString(), added)));
    }
  }

  /** What the audit digest covers: the request, and each version added. */
  record Added(String status, List<String> versions) {}

  private static NewVersion version(Actor actor, TaxiiCollection collection, Offered offer) {
    Tlp tlp = ObjectIntake.marking(offer.object(), collection.defaultTlp());
    return ObjectIntake.version(
        offer.posted(),
        tlp,
        actor.organisation(),
        tlp == Tlp.RED ? Set.of(actor.person()) : Set.of());
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
