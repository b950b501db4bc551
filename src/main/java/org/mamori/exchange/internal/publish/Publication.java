package org.mamori.exchange.internal.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.Disclosure;
import org.mamori.exchange.internal.mapping.StixMapping;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.exchange.internal.store.StixObjects.NewVersion;
import org.mamori.exchange.internal.store.StixObjects.StoredJson;
import org.mamori.exchange.internal.store.Timestamps;
import org.mamori.exchange.internal.taxii.ObjectIntake;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedReport;
import org.mamori.sharing.ItemExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the STIX 2.1 form of Mamori's reports and advisories in the collection {@code
 * mamori-items}, so partners' tools and other Mamori instances can poll them over TAXII.
 *
 * <p>Each time an item is released, passed on or re-marked, its current export is mapped again:
 * what is new is added, what changed becomes a new version (a later {@code modified}), what is
 * unchanged adds nothing. Every version published from an item then takes the item's current access
 * decision (originator, marking, recipients), so TAXII readers see exactly what the item's page
 * shows them. TLP:RED never goes out this way: a RED item or version is not published, and versions
 * published before an item turned RED are left to nobody.
 */
@Service
public class Publication {

  /** The collection {@code mamori-items}, made by the exchange module's migration. */
  public static final UUID COLLECTION = UUID.fromString("6d616d6f-7269-4000-8000-000000000001");

  /** Objects that many items share and that carry no item's content. */
  private static final Set<String> SHARED_TYPES =
      Set.of("identity", "extension-definition", "marking-definition");

  private final ItemExport items;
  private final StixObjects store;
  private final StixMapping mapping;
  private final JsonMapper json;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Publication(
      ItemExport items,
      StixObjects store,
      JsonMapper json,
      ApplicationEventPublisher events,
      Clock clock) {
    this.items = items;
    this.store = store;
    this.mapping = new StixMapping(json);
    this.json = json;
    this.events = events;
    this.clock = clock;
  }

  /** Every item with a version in the collection, as {@code report:R2026-00042}. */
  Set<String> publishedItems() {
    return store.publishedItems(COLLECTION);
  }

  /**
   * Publishes a report's released versions as they are now; nothing if it has none.
   *
   * @return whether the collection holds anything of it now (not when it is TLP:RED)
   */
  @Transactional
  public boolean report(String reference) {
    return items.report(reference).map(this::publish).orElse(false);
  }

  /**
   * Publishes an advisory as it is now.
   *
   * @return whether the collection holds anything of it now (not when it is TLP:RED)
   */
  @Transactional
  public boolean advisory(String reference) {
    return items.advisory(reference).map(this::publish).orElse(false);
  }

  private boolean publish(ExportedReport report) {
    ExportedReport notRed = report.onlyVersions(v -> report.disclosureOf(v).tlp() != Tlp.RED);
    return publish(
        "report:" + report.reference(),
        report.disclosure(),
        report.tlp() == Tlp.RED || notRed.versions().isEmpty()
            ? List.of()
            : mapping.report(notRed));
  }

  private boolean publish(ExportedAdvisory advisory) {
    return publish(
        "advisory:" + advisory.reference(),
        advisory.disclosure(),
        advisory.tlp() == Tlp.RED ? List.of() : mapping.advisory(advisory));
  }

  private boolean publish(String item, Disclosure disclosure, List<ObjectNode> objects) {
    List<NewVersion> added = new ArrayList<>();
    for (List<ObjectNode> versions : byObject(objects).values()) {
      ObjectNode latest = versions.get(versions.size() - 1);
      for (ObjectNode older : versions.subList(0, versions.size() - 1)) {
        Instant version = Timestamps.parse(older.get("modified").asString()).orElseThrow();
        if (!store.holds(COLLECTION, older.get("id").asString(), version)) {
          added.add(version(item, disclosure, older));
        }
      }
      changed(item, latest).ifPresent(object -> added.add(version(item, disclosure, object)));
    }
    List<String> addedVersions = new ArrayList<>();
    if (!added.isEmpty()) {
      Instant dateAdded = store.reserveDatesAdded(COLLECTION, added.size());
      for (NewVersion version : added) {
        StixObjects.Addition addition = store.add(COLLECTION, version, dateAdded);
        dateAdded = dateAdded.plus(1, ChronoUnit.MICROS);
        if (addition.outcome() == StixObjects.Outcome.ADDED) {
          addedVersions.add(version.objectId() + " " + addition.version());
        }
      }
    }
    boolean held = followItem(item, disclosure);
    if (!addedVersions.isEmpty()) {
      events.publishEvent(
          new AuditableChange(
              Actor.SYSTEM,
              "exchange.item.published",
              "taxii-collection",
              COLLECTION.toString(),
              addedVersions.size() + " STIX object versions of " + item + " published",
              null,
              addedVersions));
    }
    return held;
  }

  /** The mapped versions of each object, oldest first; RED ones left out. */
  private static Map<String, List<ObjectNode>> byObject(List<ObjectNode> objects) {
    Map<String, List<ObjectNode>> byObject = new LinkedHashMap<>();
    for (ObjectNode object : objects) {
      if (markingOf(object) != Tlp.RED) {
        byObject.computeIfAbsent(object.get("id").asString(), id -> new ArrayList<>()).add(object);
      }
    }
    byObject
        .values()
        .forEach(
            versions ->
                versions.sort(
                    (a, b) ->
                        a.path("modified")
                            .asString("")
                            .compareTo(b.path("modified").asString(""))));
    return byObject;
  }

  /**
   * The object as it should be added, when it differs from the latest version published: with a
   * {@code modified} later than that version's when its own is not.
   */
  private Optional<ObjectNode> changed(String item, ObjectNode object) {
    String id = object.get("id").asString();
    Optional<StoredJson> published = store.latest(COLLECTION, id, sourceOf(item, object));
    if (published.isEmpty()) {
      return Optional.of(object);
    }
    JsonNode before = json.readTree(published.get().json());
    if (withoutModified(before).equals(withoutModified(object))) {
      return Optional.empty();
    }
    if (object.has("modified")) {
      Instant modified = Timestamps.parse(object.get("modified").asString()).orElseThrow();
      Instant last = published.get().version();
      if (!modified.isAfter(last)) {
        Instant now = clock.instant();
        Instant later = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MILLIS);
        object.put("modified", Timestamps.taxii(later));
      }
    }
    return Optional.of(object);
  }

  private static JsonNode withoutModified(JsonNode object) {
    ObjectNode copy = (ObjectNode) object.deepCopy();
    copy.remove("modified");
    return copy;
  }

  private NewVersion version(String item, Disclosure disclosure, ObjectNode object) {
    NewVersion version =
        ObjectIntake.version(object, markingOf(object), disclosure.originator(), Set.of());
    String source = sourceOf(item, object);
    return source == null ? version : version.publishedFrom(source, disclosure.recipients());
  }

  /**
   * Gives every version published from the item the item's access decision now: its marking where
   * stricter than the version's own, its recipients; at TLP:RED, nobody's.
   *
   * @return whether anyone may read any of it over TAXII now
   */
  private boolean followItem(String item, Disclosure disclosure) {
    Map<Tlp, List<Long>> rowsByMarking = new EnumMap<>(Tlp.class);
    store
        .publishedFrom(COLLECTION, item)
        .forEach(
            (row, text) -> {
              Tlp own = markingOf(json.readTree(text));
              Tlp tlp = disclosure.tlp().isStricterThan(own) ? disclosure.tlp() : own;
              rowsByMarking.computeIfAbsent(tlp, t -> new ArrayList<>()).add(row);
            });
    rowsByMarking.forEach(
        (tlp, rows) ->
            store.setAccess(
                COLLECTION, rows, tlp, disclosure.originator(), disclosure.recipients(), Set.of()));
    return !rowsByMarking.isEmpty() && disclosure.tlp() != Tlp.RED;
  }

  private static @Nullable String sourceOf(String item, JsonNode object) {
    return SHARED_TYPES.contains(object.get("type").asString()) ? null : item;
  }

  private static Tlp markingOf(JsonNode object) {
    return ObjectIntake.marking(object, Tlp.GREEN);
  }
}
