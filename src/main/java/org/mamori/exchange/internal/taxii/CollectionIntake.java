package org.mamori.exchange.internal.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.taxii.Statuses.Entry;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Adds objects that did not come over TAXII (a MISP import) to a collection by the very path a
 * TAXII POST takes: the same write right, the same check of every object, whole or not at all, the
 * same markings (an unmarked object gets the collection's default), status and audit entry.
 */
@Service
public class CollectionIntake {

  private final StoredCollections collections;
  private final CollectionAccess access;
  private final Ingestion ingestion;
  private final Statuses statuses;

  CollectionIntake(
      StoredCollections collections,
      CollectionAccess access,
      Ingestion ingestion,
      Statuses statuses) {
    this.collections = collections;
    this.access = access;
    this.ingestion = ingestion;
    this.statuses = statuses;
  }

  /** A collection the actor's organisation may add to. */
  public record Target(UUID id, String title, @Nullable String alias, Tlp defaultTlp) {}

  /** An object that was not stored, and why, in the request's language. */
  public record Refusal(String objectId, String reason) {}

  /**
   * What became of the objects of one request.
   *
   * @param status the request's status id, also readable at {@code /taxii2/mamori/status/{id}/}
   * @param pending objects whose outcome was never recorded (the request was cut off); zero once a
   *     request has completed
   */
  public record Outcome(
      UUID status, int stored, int alreadyThere, List<Refusal> refused, int pending) {

    public Outcome {
      refused = List.copyOf(refused);
    }

    public int total() {
      return stored + alreadyThere + refused.size() + pending;
    }
  }

  /** The collections the actor may add to, in the order they were made. */
  public List<Target> writableBy(Actor actor) {
    return collections.all().stream()
        .filter(collection -> access.of(actor, collection).canWrite())
        .map(CollectionIntake::target)
        .toList();
  }

  /** The collection with this id or alias, if the actor may add to it. */
  public Optional<Target> writable(Actor actor, String idOrAlias) {
    return TaxiiServerController.parseUuid(idOrAlias)
        .flatMap(collections::byId)
        .or(() -> collections.byAlias(idOrAlias))
        .filter(collection -> access.of(actor, collection).canWrite())
        .map(CollectionIntake::target);
  }

  /**
   * Stores the objects as a TAXII POST by the actor would.
   *
   * @throws AccessDeniedException unless the actor may add to the collection (now)
   */
  public Outcome add(Actor actor, UUID collection, List<? extends JsonNode> objects) {
    TaxiiCollection target =
        collections
            .byId(collection)
            .filter(found -> access.of(actor, found).canWrite())
            .orElseThrow(() -> new AccessDeniedException("may not add to " + collection));
    UUID status = ingestion.add(actor, target, objects.stream().map(PostedObject::of).toList());
    return outcome(actor, status)
        .orElseThrow(() -> new IllegalStateException("status " + status + " lost"));
  }

  /** What became of a request the actor made; empty for anyone else's. */
  public Optional<Outcome> outcome(Actor actor, UUID status) {
    return statuses.of(status, actor).map(CollectionIntake::outcome);
  }

  /**
   * Ingestion records an object it already held as a success with a message saying so, and one it
   * stored as a success without one.
   */
  private static Outcome outcome(Statuses.Status status) {
    int stored = 0;
    int alreadyThere = 0;
    int pending = 0;
    List<Refusal> refused = new ArrayList<>();
    for (Entry entry : status.entries()) {
      switch (entry.outcome()) {
        case SUCCESS -> {
          if (entry.message() == null) {
            stored++;
          } else {
            alreadyThere++;
          }
        }
        case FAILURE ->
            refused.add(
                new Refusal(entry.objectId(), entry.message() == null ? "" : entry.message()));
        case PENDING -> pending++;
      }
    }
    return new Outcome(status.id(), stored, alreadyThere, refused, pending);
  }

  private static Target target(TaxiiCollection collection) {
    return new Target(
        collection.id(), collection.title(), collection.alias(), collection.defaultTlp());
  }
}
