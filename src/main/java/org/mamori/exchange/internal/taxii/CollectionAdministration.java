package org.mamori.exchange.internal.taxii;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.SectorSummary;
import org.mamori.exchange.CollectionDefinition;
import org.mamori.exchange.ExchangeRuleViolation;
import org.mamori.exchange.TaxiiCollections;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform administrators define and change TAXII collections; every change is audited. */
@Service
@Transactional
class CollectionAdministration implements TaxiiCollections {

  static final int LONGEST_TITLE = 200;
  static final int LONGEST_DESCRIPTION = 2000;
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

  private final StoredCollections collections;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CollectionAdministration(
      StoredCollections collections,
      Directory directory,
      AccessPolicy access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.collections = collections;
    this.directory = directory;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<UUID> idOfAlias(String alias) {
    return collections.byAlias(alias).map(TaxiiCollection::id);
  }

  @Override
  public UUID define(Actor actor, CollectionDefinition definition) {
    requireAdministrator(actor);
    CollectionDefinition checked = checked(definition, null);
    UUID id = UUID.randomUUID();
    collections.insert(id, checked, clock.instant());
    audit(actor, "exchange.collection.defined", id, null, checked);
    return id;
  }

  @Override
  public void redefine(Actor actor, UUID collection, CollectionDefinition definition) {
    requireAdministrator(actor);
    TaxiiCollection current =
        collections
            .byId(collection)
            .orElseThrow(() -> new ExchangeRuleViolation("taxii.collection.unknown", "title"));
    CollectionDefinition checked = checked(definition, collection);
    collections.update(collection, checked, clock.instant());
    audit(actor, "exchange.collection.changed", collection, current.definition(), checked);
  }

  private void requireAdministrator(Actor actor) {
    if (!actor.isSystem() && !access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators define TAXII collections");
    }
  }

  /** The definition tidied (texts stripped, alias lower-case), or why it will not do. */
  private CollectionDefinition checked(CollectionDefinition definition, @Nullable UUID self) {
    String title = definition.title().strip();
    if (title.isEmpty()) {
      throw new ExchangeRuleViolation("taxii.collection.title.required", "title");
    }
    if (title.length() > LONGEST_TITLE) {
      throw new ExchangeRuleViolation("taxii.collection.title.long", "title", LONGEST_TITLE);
    }
    String description = definition.description().strip();
    if (description.length() > LONGEST_DESCRIPTION) {
      throw new ExchangeRuleViolation(
          "taxii.collection.description.long", "description", LONGEST_DESCRIPTION);
    }
    String alias = alias(definition.alias(), self);
    if (definition.defaultTlp() == Tlp.CLEAR) {
      throw new ExchangeRuleViolation("taxii.collection.defaultTlp.clear", "defaultTlp");
    }
    if (!definition.readableByEveryone()
        && definition.readerOrganisations().isEmpty()
        && definition.readerSectors().isEmpty()) {
      throw new ExchangeRuleViolation("taxii.collection.readers.none", "everyone");
    }
    requireKnown(definition.readerOrganisations(), "readerOrganisations");
    requireKnown(definition.writerOrganisations(), "writerOrganisations");
    Set<SectorId> sectors =
        directory.sectors().stream().map(SectorSummary::id).collect(Collectors.toSet());
    if (!sectors.containsAll(definition.readerSectors())) {
      throw new ExchangeRuleViolation("taxii.collection.sector.unknown", "sectors");
    }
    return new CollectionDefinition(
        title,
        description,
        alias,
        definition.defaultTlp(),
        definition.readableByEveryone(),
        // Everyone reads: naming readers as well would only mislead whoever changes it next.
        definition.readableByEveryone() ? Set.of() : definition.readerOrganisations(),
        definition.readableByEveryone() ? Set.of() : definition.readerSectors(),
        definition.writerOrganisations());
  }

  private @Nullable String alias(@Nullable String given, @Nullable UUID self) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String alias = given.strip();
    // A UUID-shaped alias could be taken for another collection's id.
    if (!ALIAS.matcher(alias).matches() || TaxiiServerController.parseUuid(alias).isPresent()) {
      throw new ExchangeRuleViolation("taxii.collection.alias.form", "alias");
    }
    collections
        .byAlias(alias)
        .filter(other -> !other.id().equals(self))
        .ifPresent(
            other -> {
              throw new ExchangeRuleViolation("taxii.collection.alias.taken", "alias", alias);
            });
    return alias;
  }

  private void requireKnown(Collection<OrganisationId> organisations, String field) {
    if (directory.organisations(organisations).size() != organisations.size()) {
      throw new ExchangeRuleViolation("taxii.collection.organisation.unknown", field);
    }
  }

  /** What the audit digest covers, in a stable order. */
  record State(
      String title,
      String description,
      @Nullable String alias,
      Tlp defaultTlp,
      boolean readableByEveryone,
      List<String> readerOrganisations,
      List<String> readerSectors,
      List<String> writerOrganisations) {

    static @Nullable State of(@Nullable CollectionDefinition definition) {
      return definition == null
          ? null
          : new State(
              definition.title(),
              definition.description(),
              definition.alias(),
              definition.defaultTlp(),
              definition.readableByEveryone(),
              sorted(definition.readerOrganisations()),
              sorted(definition.readerSectors()),
              sorted(definition.writerOrganisations()));
    }

    private static List<String> sorted(Collection<?> ids) {
      return ids.stream().map(Object::toString).sorted().toList();
    }
  }

  private void audit(
      Actor actor,
      String action,
      UUID id,
      @Nullable CollectionDefinition before,
      CollectionDefinition after) {
    events.publishEvent(
        new AuditableChange(
            actor,
            action,
            "taxii-collection",
            id.toString(),
            "TAXII collection " + after.title(),
            State.of(before),
            State.of(after)));
  }
}
