package org.mamori.exchange.internal.publish;

import java.util.Set;
import java.util.function.Predicate;
import org.mamori.sharing.ItemExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Publishes the items not yet in {@code mamori-items}: those made before Mamori published its
 * items, and past reports loaded in bulk (the demo's history). It runs in the background once
 * Mamori has started, oldest item first, each in a transaction of its own, so one that stops
 * half-way goes on the next time Mamori starts, and an item that fails is logged and left for then.
 */
@Component
public class PublicationCatchUp {

  private static final Logger log = LoggerFactory.getLogger(PublicationCatchUp.class);

  private final Publication publication;
  private final ItemExport items;
  private final boolean enabled;

  PublicationCatchUp(
      Publication publication,
      ItemExport items,
      @Value("${mamori.taxii.publication.catch-up:true}") boolean enabled) {
    this.publication = publication;
    this.items = items;
    this.enabled = enabled;
  }

  @Async
  @EventListener(ApplicationReadyEvent.class)
  public void whenStarted() {
    if (enabled) {
      catchUp();
    }
  }

  /**
   * Publishes every item with nothing published yet.
   *
   * @return how many items were published (TLP:RED ones never are)
   */
  public int catchUp() {
    return catchUp(item -> true);
  }

  /**
   * Publishes the chosen items with nothing published yet.
   *
   * @param chosen which items, by their source ({@code report:R2026-00042}, {@code advisory:…})
   * @return how many items were published (TLP:RED ones never are)
   */
  public int catchUp(Predicate<String> chosen) {
    Set<String> published = publication.publishedItems();
    Predicate<String> missing = item -> chosen.test(item) && !published.contains(item);
    int reports = publishMissing("report:", items.reportReferences(), missing, publication::report);
    int advisories =
        publishMissing("advisory:", items.advisoryReferences(), missing, publication::advisory);
    if (reports + advisories > 0) {
      log.info(
          "Published {} reports and {} advisories that had nothing in mamori-items yet",
          reports,
          advisories);
    }
    return reports + advisories;
  }

  private static int publishMissing(
      String kind,
      Iterable<String> references,
      Predicate<String> missing,
      Predicate<String> publish) {
    int count = 0;
    for (String reference : references) {
      if (!missing.test(kind + reference)) {
        continue;
      }
      try {
        if (publish.test(reference)) {
          count++;
        }
      } catch (RuntimeException e) {
        log.warn(
            "Could not publish {}{} over TAXII; it is tried again at the next start",
            kind,
            reference,
            e);
      }
    }
    return count;
  }
}
