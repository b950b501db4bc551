package org.mamori.exchange;

import java.util.Optional;
import java.util.UUID;
import org.mamori.shared.Actor;

/**
 * The TAXII 2.1 collections Mamori serves at {@code /taxii2/mamori/}. Platform administrators
 * define them; every change is audited.
 */
public interface TaxiiCollections {

  /** The id of the collection with the alias, if there is one. */
  Optional<UUID> idOfAlias(String alias);

  /**
   * Defines a new collection.
   *
   * @return its id, which TAXII clients use in URLs
   * @throws ExchangeRuleViolation if the definition will not do (a blank title, an alias in use, no
   *     readers, a CLEAR default marking)
   * @throws org.springframework.security.access.AccessDeniedException unless the actor administers
   *     the platform
   */
  UUID define(Actor actor, CollectionDefinition definition);

  /**
   * Changes a collection. Objects already in it keep their markings; who may read them follows the
   * new readers at once.
   *
   * @throws ExchangeRuleViolation as {@link #define}, or when there is no such collection
   */
  void redefine(Actor actor, UUID collection, CollectionDefinition definition);
}
