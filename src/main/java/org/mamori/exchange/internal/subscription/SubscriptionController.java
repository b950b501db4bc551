package org.mamori.exchange.internal.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.exchange.ExchangeRuleViolation;
import org.mamori.exchange.internal.taxii.StoredCollections;
import org.mamori.exchange.internal.taxii.TaxiiCollection;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform administrators subscribe Mamori to remote TAXII collections, see how each one's polls go
 * (failures and refused objects first), poll one now, and change, enable or disable them.
 */
@Controller
@RequestMapping("/exchange/subscriptions")
class SubscriptionController {

  static final List<Tlp> CEILINGS = List.of(Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT);
  static final int REFUSALS_SHOWN = 20;

  private final SubscriptionAdministration administration;
  private final Subscriptions subscriptions;
  private final SubscriptionPoller poller;
  private final StoredCollections collections;
  private final Directory directory;
  private final AccessPolicy access;

  SubscriptionController(
      SubscriptionAdministration administration,
      Subscriptions subscriptions,
      SubscriptionPoller poller,
      StoredCollections collections,
      Directory directory,
      AccessPolicy access) {
    this.administration = administration;
    this.subscriptions = subscriptions;
    this.poller = poller;
    this.collections = collections;
    this.directory = directory;
    this.access = access;
  }

  /**
   * The form as typed, so a refused form keeps every character (the page never shows the secret).
   */
  record SubscriptionForm(
      @Nullable String title,
      @Nullable String url,
      @Nullable String authKind,
      @Nullable String authUser,
      @Nullable String secret,
      @Nullable String pollMinutes,
      @Nullable String ceiling,
      @Nullable String targetCollection,
      @Nullable String organisation) {}

  @GetMapping
  String list(Actor actor, Model model) {
    requireAdministrator(actor);
    model.addAttribute("subscriptions", subscriptions.all());
    model.addAttribute("collectionTitles", collectionTitles());
    return "exchange/subscriptions";
  }

  @GetMapping("/new")
  String newSubscription(Actor actor, Model model) {
    requireAdministrator(actor);
    model.addAttribute(
        "form",
        new SubscriptionForm(
            "",
            "",
            AuthKind.BEARER.name(),
            "",
            "",
            "15",
            Tlp.AMBER.name(),
            "",
            code(actor.organisation())));
    return form(null, false, model);
  }

  @PostMapping
  String subscribe(
      @ModelAttribute("form") SubscriptionForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    SubscriptionDefinition definition = definition(form, errors);
    if (definition == null) {
      return form(null, false, model);
    }
    UUID id;
    try {
      id = administration.subscribe(actor, definition);
    } catch (ExchangeRuleViolation rule) {
      rule.rejectIn(errors);
      return form(null, false, model);
    }
    redirect.addFlashAttribute("done", "created");
    return "redirect:/exchange/subscriptions/" + id;
  }

  @GetMapping("/{id}")
  String show(@PathVariable UUID id, Actor actor, Model model, Locale locale) {
    requireAdministrator(actor);
    Subscription subscription =
        subscriptions.byId(id).orElseThrow(SubscriptionController::notFound);
    model.addAttribute("subscription", subscription);
    model.addAttribute("collectionTitle", collectionTitles().get(subscription.targetCollection()));
    model.addAttribute("organisationName", organisationName(subscription, locale));
    model.addAttribute("refusals", subscriptions.latestRefusals(id, REFUSALS_SHOWN));
    return "exchange/subscription";
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable UUID id, Actor actor, Model model) {
    requireAdministrator(actor);
    Subscription s = subscriptions.byId(id).orElseThrow(SubscriptionController::notFound);
    model.addAttribute(
        "form",
        new SubscriptionForm(
            s.title(),
            s.remoteUrl().toString(),
            s.authKind().name(),
            s.authUser() == null ? "" : s.authUser(),
            "",
            Long.toString(s.pollMinutes()),
            s.ceiling().name(),
            s.targetCollection().toString(),
            code(s.receivingOrganisation())));
    return form(id, s.sealedSecret() != null, model);
  }

  @PostMapping("/{id}/edit")
  String change(
      @PathVariable UUID id,
      @ModelAttribute("form") SubscriptionForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    Subscription current = subscriptions.byId(id).orElseThrow(SubscriptionController::notFound);
    boolean secretSet = current.sealedSecret() != null;
    SubscriptionDefinition definition = definition(form, errors);
    if (definition == null) {
      return form(id, secretSet, model);
    }
    try {
      administration.change(actor, id, definition);
    } catch (ExchangeRuleViolation rule) {
      rule.rejectIn(errors);
      return form(id, secretSet, model);
    }
    redirect.addFlashAttribute("done", "changed");
    return "redirect:/exchange/subscriptions/" + id;
  }

  @PostMapping("/{id}/enabled")
  String enable(
      @PathVariable UUID id,
      @RequestParam boolean enabled,
      Actor actor,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    subscriptions.byId(id).orElseThrow(SubscriptionController::notFound);
    administration.enable(actor, id, enabled);
    redirect.addFlashAttribute("done", enabled ? "enabled" : "disabled");
    return "redirect:/exchange/subscriptions/" + id;
  }

  /** Polls at once and shows how it went; the remote's own timeout bounds the wait. */
  @PostMapping("/{id}/poll")
  String pollNow(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    requireAdministrator(actor);
    subscriptions.byId(id).orElseThrow(SubscriptionController::notFound);
    administration.pollRequested(actor, id);
    redirect.addFlashAttribute("done", poller.pollNow(id) ? "polled" : "busy");
    return "redirect:/exchange/subscriptions/" + id;
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  private String form(@Nullable UUID id, boolean secretSet, Model model) {
    model.addAttribute("subscriptionId", id);
    model.addAttribute("secretSet", secretSet);
    model.addAttribute(
        "collections",
        collections.all().stream().sorted(Comparator.comparing(TaxiiCollection::title)).toList());
    model.addAttribute("ceilings", CEILINGS);
    model.addAttribute("authKinds", AuthKind.values());
    return "exchange/subscription-form";
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators manage TAXII subscriptions");
    }
  }

  /** The definition the form describes; null when the form's errors are recorded instead. */
  private @Nullable SubscriptionDefinition definition(SubscriptionForm form, BindingResult errors) {
    URI url = null;
    try {
      url = new URI(text(form.url()));
    } catch (URISyntaxException malformed) {
      errors.rejectValue("url", "subscription.url.form");
    }
    AuthKind authKind = parse(form.authKind(), AuthKind::valueOf);
    if (authKind == null) {
      errors.rejectValue("authKind", "subscription.authKind.choose");
    }
    Integer minutes = parse(form.pollMinutes(), Integer::valueOf);
    if (minutes == null) {
      errors.rejectValue(
          "pollMinutes",
          "subscription.interval.range",
          new Object[] {Long.toString(SubscriptionAdministration.LONGEST_INTERVAL.toMinutes())},
          "subscription.interval.range");
    }
    Tlp ceiling = parse(form.ceiling(), Tlp::valueOf);
    if (ceiling == null) {
      errors.rejectValue("ceiling", "subscription.ceiling.choose");
    }
    UUID target = parse(form.targetCollection(), UUID::fromString);
    if (target == null) {
      errors.rejectValue("targetCollection", "subscription.collection.choose");
    }
    OrganisationId organisation = organisation(text(form.organisation()));
    if (organisation == null) {
      errors.rejectValue("organisation", "subscription.organisation.unknown");
    }
    if (errors.hasErrors()) {
      return null;
    }
    String secret = text(form.secret());
    return new SubscriptionDefinition(
        text(form.title()),
        url,
        authKind,
        text(form.authUser()),
        secret.isEmpty() ? null : secret,
        Duration.ofMinutes(minutes),
        ceiling,
        target,
        organisation);
  }

  private static <T> @Nullable T parse(@Nullable String text, Function<String, T> parser) {
    try {
      return parser.apply(text(text));
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }

  /** The organisation by code or by name in either language. */
  private @Nullable OrganisationId organisation(String name) {
    if (name.isEmpty()) {
      return null;
    }
    return directory.activeOrganisations().stream()
        .filter(
            o ->
                o.code().equalsIgnoreCase(name)
                    || o.nameJa().equals(name)
                    || o.nameEn().equalsIgnoreCase(name))
        .map(OrganisationSummary::id)
        .findFirst()
        .orElse(null);
  }

  private String code(OrganisationId organisation) {
    OrganisationSummary found = directory.organisations(Set.of(organisation)).get(organisation);
    return found == null ? "" : found.code();
  }

  private String organisationName(Subscription subscription, Locale locale) {
    OrganisationSummary found =
        directory
            .organisations(Set.of(subscription.receivingOrganisation()))
            .get(subscription.receivingOrganisation());
    return found == null ? subscription.receivingOrganisation().toString() : found.name(locale);
  }

  private Map<UUID, String> collectionTitles() {
    return collections.all().stream()
        .collect(Collectors.toMap(TaxiiCollection::id, TaxiiCollection::title));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
