package org.mamori.exchange.internal.taxii;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.exchange.CollectionDefinition;
import org.mamori.exchange.ExchangeRuleViolation;
import org.mamori.exchange.TaxiiCollections;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform administrators list, define and change the TAXII collections: who may read each, who may
 * add to it, and the marking of objects that arrive without one.
 */
@Controller
@RequestMapping("/exchange/collections")
class CollectionAdminController {

  /** The markings a collection may give unmarked objects: never CLEAR. */
  static final List<Tlp> DEFAULT_MARKINGS =
      List.of(Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);

  private final TaxiiCollections administration;
  private final StoredCollections collections;
  private final Directory directory;
  private final AccessPolicy access;

  CollectionAdminController(
      TaxiiCollections administration,
      StoredCollections collections,
      Directory directory,
      AccessPolicy access) {
    this.administration = administration;
    this.collections = collections;
    this.directory = directory;
    this.access = access;
  }

  /**
   * The form as typed, so a refused form keeps every character; organisations one per line, by code
   * or name.
   */
  record CollectionForm(
      @Nullable String title,
      @Nullable String description,
      @Nullable String alias,
      @Nullable String defaultTlp,
      @Nullable Boolean everyone,
      @Nullable List<String> sectors,
      @Nullable String readerOrganisations,
      @Nullable String writerOrganisations) {

    static CollectionForm blank() {
      return new CollectionForm("", "", "", Tlp.AMBER.name(), false, List.of(), "", "");
    }
  }

  /** One collection in the list, with names to show. */
  record Row(
      UUID id,
      String title,
      @Nullable String alias,
      Tlp defaultTlp,
      boolean everyone,
      List<String> sectors,
      List<String> readers,
      List<String> writers,
      long versions) {}

  @GetMapping
  String list(Actor actor, Model model, Locale locale) {
    requireAdministrator(actor);
    Map<UUID, Long> counts = collections.versionCounts();
    Map<SectorId, String> sectorNames = sectorNames(locale);
    List<Row> rows = new ArrayList<>();
    for (TaxiiCollection collection : collections.all()) {
      rows.add(
          new Row(
              collection.id(),
              collection.title(),
              collection.alias(),
              collection.defaultTlp(),
              collection.readableByEveryone(),
              collection.readerSectors().stream().map(sectorNames::get).sorted().toList(),
              names(collection.readerOrganisations(), locale),
              names(collection.writerOrganisations(), locale),
              counts.getOrDefault(collection.id(), 0L)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("apiRoot", TaxiiServerController.API_ROOT);
    return "exchange/collections";
  }

  @GetMapping("/new")
  String newCollection(Actor actor, Model model) {
    requireAdministrator(actor);
    model.addAttribute("form", CollectionForm.blank());
    return form(null, model);
  }

  @PostMapping
  String define(
      @ModelAttribute("form") CollectionForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    CollectionDefinition definition = definition(form, errors);
    if (definition == null) {
      return form(null, model);
    }
    try {
      administration.define(actor, definition);
    } catch (ExchangeRuleViolation rule) {
      rule.rejectIn(errors);
      return form(null, model);
    }
    redirect.addFlashAttribute("done", "defined");
    return "redirect:/exchange/collections";
  }

  @GetMapping("/{id}")
  String edit(@PathVariable UUID id, Actor actor, Model model) {
    requireAdministrator(actor);
    TaxiiCollection collection =
        collections.byId(id).orElseThrow(CollectionAdminController::notFound);
    model.addAttribute(
        "form",
        new CollectionForm(
            collection.title(),
            collection.description(),
            collection.alias() == null ? "" : collection.alias(),
            collection.defaultTlp().name(),
            collection.readableByEveryone(),
            collection.readerSectors().stream().map(SectorId::toString).toList(),
            codes(collection.readerOrganisations()),
            codes(collection.writerOrganisations())));
    return form(id, model);
  }

  @PostMapping("/{id}")
  String redefine(
      @PathVariable UUID id,
      @ModelAttribute("form") CollectionForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    collections.byId(id).orElseThrow(CollectionAdminController::notFound);
    CollectionDefinition definition = definition(form, errors);
    if (definition == null) {
      return form(id, model);
    }
    try {
      administration.redefine(actor, id, definition);
    } catch (ExchangeRuleViolation rule) {
      rule.rejectIn(errors);
      return form(id, model);
    }
    redirect.addFlashAttribute("done", "changed");
    return "redirect:/exchange/collections";
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  private String form(@Nullable UUID id, Model model) {
    model.addAttribute("collectionId", id);
    model.addAttribute("sectors", directory.sectors());
    model.addAttribute("markings", DEFAULT_MARKINGS);
    return "exchange/collection-form";
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators manage TAXII collections");
    }
  }

  /** The definition the form describes; null when the form's errors are recorded instead. */
  private @Nullable CollectionDefinition definition(CollectionForm form, BindingResult errors) {
    Tlp marking = Tlp.AMBER;
    try {
      marking = Tlp.valueOf(text(form.defaultTlp()));
    } catch (IllegalArgumentException unknown) {
      errors.rejectValue("defaultTlp", "taxii.collection.defaultTlp.choose");
    }
    Set<SectorId> sectors = new HashSet<>();
    for (String sector : form.sectors() == null ? List.<String>of() : form.sectors()) {
      TaxiiServerController.parseUuid(sector.strip())
          .ifPresentOrElse(
              id -> sectors.add(new SectorId(id)),
              () -> errors.rejectValue("sectors", "taxii.collection.sector.unknown"));
    }
    Set<OrganisationId> readers = named(form.readerOrganisations(), "readerOrganisations", errors);
    Set<OrganisationId> writers = named(form.writerOrganisations(), "writerOrganisations", errors);
    if (errors.hasErrors()) {
      return null;
    }
    String alias = text(form.alias());
    return new CollectionDefinition(
        text(form.title()),
        text(form.description()),
        alias.isEmpty() ? null : alias,
        marking,
        Boolean.TRUE.equals(form.everyone()),
        readers,
        sectors,
        writers);
  }

  /** The organisations named one per line, by code or by name in either language. */
  private Set<OrganisationId> named(@Nullable String lines, String field, BindingResult errors) {
    Set<OrganisationId> found = new LinkedHashSet<>();
    if (lines == null || lines.isBlank()) {
      return found;
    }
    List<OrganisationSummary> active = directory.activeOrganisations();
    List<String> unknown = new ArrayList<>();
    for (String line : lines.split("\\R")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      active.stream()
          .filter(
              o ->
                  o.code().equalsIgnoreCase(name)
                      || o.nameJa().equals(name)
                      || o.nameEn().equalsIgnoreCase(name))
          .findFirst()
          .ifPresentOrElse(o -> found.add(o.id()), () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      errors.rejectValue(
          field,
          "taxii.collection.organisation.unknownNamed",
          new Object[] {String.join("、", unknown)},
          "taxii.collection.organisation.unknownNamed");
    }
    return found;
  }

  private String codes(Collection<OrganisationId> organisations) {
    return directory.organisations(organisations).values().stream()
        .map(OrganisationSummary::code)
        .sorted()
        .collect(Collectors.joining("\n"));
  }

  private List<String> names(Collection<OrganisationId> organisations, Locale locale) {
    return directory.organisations(organisations).values().stream()
        .map(o -> o.name(locale))
        .sorted()
        .toList();
  }

  private Map<SectorId, String> sectorNames(Locale locale) {
    return directory.sectors().stream()
        .collect(Collectors.toMap(SectorSummary::id, s -> s.name().in(locale)));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
