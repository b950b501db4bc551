package org.mamori.exchange.internal.subscription;

import org.mamori.access.SignedIn;
import org.mamori.exchange.internal.taxii.CollectionAccess;
import org.mamori.exchange.internal.taxii.StoredCollections;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Tells the page layout whether to link the received objects: for people who may read some
 * collection. Worked out only when a page shows the menu.
 */
@ControllerAdvice
class ReceivedLinkAdvice {

  private final StoredCollections collections;
  private final CollectionAccess access;

  ReceivedLinkAdvice(StoredCollections collections, CollectionAccess access) {
    this.collections = collections;
    this.access = access;
  }

  @ModelAttribute("readsCollections")
  LazyContextVariable<Boolean> readsCollections() {
    return new LazyContextVariable<>() {
      @Override
      protected Boolean loadValue() {
        return SignedIn.actor()
            .map(actor -> collections.all().stream().anyMatch(c -> access.of(actor, c).canRead()))
            .orElse(false);
      }
    };
  }
}
