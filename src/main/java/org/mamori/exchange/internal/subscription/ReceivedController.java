package org.mamori.exchange.internal.subscription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.mamori.exchange.internal.store.StoredVersion;
import org.mamori.exchange.internal.subscription.ReceivedObjects.Received;
import org.mamori.exchange.internal.taxii.CollectionAccess;
import org.mamori.exchange.internal.taxii.StoredCollections;
import org.mamori.exchange.internal.taxii.TaxiiCollection;
import org.mamori.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What came in from subscriptions that the signed-in person may read, newest first, under the same
 * TLP decision as the TAXII server; and one object's JSON.
 */
@Controller
@RequestMapping("/exchange/received")
class ReceivedController {

  static final int SHOWN = 100;
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ReceivedObjects received;
  private final StoredCollections collections;
  private final CollectionAccess access;

  ReceivedController(
      ReceivedObjects received, StoredCollections collections, CollectionAccess access) {
    this.received = received;
    this.collections = collections;
    this.access = access;
  }

  @GetMapping
  String list(Actor actor, Model model) {
    Map<UUID, Predicate<StoredVersion>> readable = readableCollections(actor);
    List<Received> rows = received.newest(readable.keySet(), actor.person(), readable::get, SHOWN);
    model.addAttribute("rows", rows);
    return "exchange/received";
  }

  @GetMapping("/{row}")
  String one(@PathVariable long row, Actor actor, Model model) {
    Received found =
        received
            .one(row, actor.person())
            .filter(
                r -> {
                  Predicate<StoredVersion> decision =
                      readableCollections(actor).get(r.collection());
                  return decision != null && decision.test(r.version());
                })
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("row", found);
    model.addAttribute("json", PRETTY.writeValueAsString(PRETTY.readTree(found.json())));
    return "exchange/received-object";
  }

  /** The exact TLP decision for each collection the actor may read. */
  private Map<UUID, Predicate<StoredVersion>> readableCollections(Actor actor) {
    Map<UUID, Predicate<StoredVersion>> readable = new HashMap<>();
    for (TaxiiCollection collection : collections.all()) {
      CollectionAccess.Rights rights = access.of(actor, collection);
      if (rights.canRead()) {
        readable.put(collection.id(), access.readable(rights));
      }
    }
    return readable;
  }
}
