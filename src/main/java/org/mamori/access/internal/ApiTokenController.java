package org.mamori.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's own API tokens: the list, a new one (its secret shown once, in the response to the
 * form, so it is never kept in the session), and revoking one.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

  private final ApiTokenService tokens;
  private final Directory directory;
  private final Clock clock;

  ApiTokenController(ApiTokenService tokens, Directory directory, Clock clock) {
    this.tokens = tokens;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * What the form sends, as typed: text fields, so anything typed comes back on the page to be
   * corrected rather than failing to convert.
   */
  record TokenForm(
      @Nullable String name,
      @Nullable String organisation,
      @Nullable String scope,
      @Nullable String days) {

    @Nullable UUID organisationId() {
      try {
        return organisation == null ? null : UUID.fromString(organisation.strip());
      } catch (IllegalArgumentException notAnId) {
        return null;
      }
    }

    ApiTokens.@Nullable Scope scopeChosen() {
      for (ApiTokens.Scope candidate : ApiTokens.Scope.values()) {
        if (candidate.name().equals(scope)) {
          return candidate;
        }
      }
      return null;
    }

    @Nullable Integer daysWanted() {
      try {
        return days == null ? null : Integer.valueOf(days.strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
  }

  /** A token as the list shows it. */
  record TokenRow(
      UUID id,
      String name,
      String organisationName,
      String prefix,
      String scope,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant lastUsedAt,
      boolean revoked,
      boolean expired) {

    public boolean usable() {
      return !revoked && !expired;
    }
  }

  record Choice(UUID id, String name) {}

  @GetMapping
  String list(Actor actor, Locale locale, Model model) {
    model.addAttribute(
        "form",
        new TokenForm(
            "",
            actor.organisation().toString(),
            ApiTokens.Scope.READ.name(),
            String.valueOf(ApiTokenService.DEFAULT_DAYS)));
    return page(actor, locale, model);
  }

  @PostMapping
  String create(
      @ModelAttribute("form") TokenForm form,
      BindingResult errors,
      Actor actor,
      Locale locale,
      Model model) {
    UUID person = actor.person().value();
    tokens
        .problems(person, form.name(), form.organisationId(), form.daysWanted())
        .forEach(problem -> problem.rejectOn(errors));
    ApiTokens.Scope scope = form.scopeChosen();
    if (scope == null) {
      errors.rejectValue("scope", "token.scope.required");
    }
    if (errors.hasErrors() || scope == null) {
      return page(actor, locale, model);
    }
    ApiTokenService.Created created =
        tokens.create(actor, person, form.name(), form.organisationId(), scope, form.daysWanted());
    model.addAttribute("secret", created.secret());
    OrganisationId organisation = new OrganisationId(created.token().organisationId());
    model.addAttribute(
        "token",
        row(
            created.token(),
            directory.organisations(List.of(organisation)),
            locale,
            clock.instant()));
    return "access/token-created";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    tokens.revoke(actor, actor.person().value(), id);
    redirect.addFlashAttribute("revoked", true);
    return "redirect:/account/tokens";
  }

  private String page(Actor actor, Locale locale, Model model) {
    List<ApiTokens.ApiToken> mine = tokens.tokensOf(actor.person().value());
    List<OrganisationId> memberOf =
        directory.membershipsOf(actor.person()).stream()
            .map(MembershipSummary::organisation)
            .toList();
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(
            Stream.concat(
                    memberOf.stream(),
                    mine.stream().map(t -> new OrganisationId(t.organisationId())))
                .toList());
    Instant now = clock.instant();
    model.addAttribute(
        "tokens", mine.stream().map(t -> row(t, organisations, locale, now)).toList());
    model.addAttribute(
        "organisations",
        memberOf.stream()
            .map(organisations::get)
            .filter(Objects::nonNull)
            .map(o -> new Choice(o.id().value(), o.name(locale)))
            .sorted(Comparator.comparing(Choice::name))
            .toList());
    model.addAttribute("maxDays", ApiTokenService.MAX_DAYS);
    return "access/tokens";
  }

  private static TokenRow row(
      ApiTokens.ApiToken token,
      Map<OrganisationId, OrganisationSummary> organisations,
      Locale locale,
      Instant now) {
    OrganisationSummary organisation =
        organisations.get(new OrganisationId(token.organisationId()));
    return new TokenRow(
        token.id(),
        token.name(),
        organisation == null ? "" : organisation.name(locale),
        token.prefix(),
        token.scope().name(),
        token.createdAt(),
        token.expiresAt(),
        token.lastUsedAt(),
        token.revokedAt() != null,
        !token.expiresAt().isAfter(now));
  }
}
