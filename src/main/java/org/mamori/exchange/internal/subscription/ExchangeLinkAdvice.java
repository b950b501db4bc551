package org.mamori.exchange.internal.subscription;

import java.util.function.Predicate;
import org.mamori.access.SignedIn;
import org.mamori.exchange.internal.taxii.CollectionAccess;
import org.mamori.exchange.internal.taxii.StoredCollections;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Tells pages whether to link the exchange pages: the received objects for people who may read some
 * collection, the MISP import for people who may add to one. Worked out only when a page shows the
 * link.
 */
@ControllerAdvice
class ExchangeLinkAdvice {

  private final StoredCollections collections;
  private final CollectionAccess access;

  ExchangeLinkAdvice(StoredCollections collections, CollectionAccess access) {
    this.collections = collections;
    this.access = access;
  }

  @ModelAttribute("readsCollections")
  LazyContextVariable<Boolean> readsCollections() {
    return anyCollection(CollectionAccess.Rights::canRead);
  }

  @ModelAttribute("addsToCollections")
  LazyContextVariable<Boolean> addsToCollections() {
    return anyCollection(CollectionAccess.Rights::canWrite);
  }

  private LazyContextVariable<Boolean> anyCollection(Predicate<CollectionAccess.Rights> may) {
    return new LazyContextVariable<>() {
      @Override
      protected Boolean loadValue() {
        return SignedIn.actor()
            .map(actor -> collections.all().stream().anyMatch(c -> may.test(access.of(actor, c))))
            .orElse(false);
      }
    };
  }
}
