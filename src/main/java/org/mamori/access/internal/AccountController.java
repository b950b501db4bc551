package org.mamori.access.internal;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own account: who they are, where they belong, and their password. */
@Controller
@RequestMapping("/account")
class AccountController {

  private final Directory directory;
  private final Credentials credentials;
  private final ApiTokens tokens;
  private final PasswordService passwords;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final Clock clock;

  AccountController(
      Directory directory,
      Credentials credentials,
      ApiTokens tokens,
      PasswordService passwords,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      Clock clock) {
    this.directory = directory;
    this.credentials = credentials;
    this.tokens = tokens;
    this.passwords = passwords;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** What the account page shows. */
  record AccountPage(
      String displayName,
      String email,
      List<OrganisationRow> organisations,
      boolean hasPassword,
      boolean twoStepOn,
      long usableTokens) {}

  /**
   * One organisation the person belongs to.
   *
   * @param capabilities what the roles allow there, as {@link Capability} names
   */
  record OrganisationRow(
      UUID id, String name, boolean actingFor, List<String> roles, List<String> capabilities) {}

  record PasswordForm(
      @Nullable String currentPassword,
      @Nullable String newPassword,
      @Nullable String confirmPassword) {}

  @GetMapping
  String account(Actor actor, Locale locale, Model model) {
    PersonSummary person =
        directory
            .person(actor.person())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<MembershipSummary> memberships = directory.membershipsOf(actor.person());
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(memberships.stream().map(MembershipSummary::organisation).toList());
    Credentials.Credential credential = credentials.find(person.id().value()).orElse(null);
    Instant now = clock.instant();
    model.addAttribute(
        "account",
        new AccountPage(
            person.displayName(),
            person.email(),
            memberships.stream()
                .filter(m -> organisations.containsKey(m.organisation()))
                .map(
                    m ->
                        new OrganisationRow(
                            m.organisation().value(),
                            organisations.get(m.organisation()).name(locale),
                            m.organisation().equals(actor.organisation()),
                            m.roles().stream().sorted().toList(),
                            m.capabilities().stream().sorted().map(Enum::name).toList()))
                .sorted(Comparator.comparing(OrganisationRow::name))
                .toList(),
            credential != null && credential.hasPassword(),
            credential != null && credential.hasTwoStep(),
            tokens.ofPerson(person.id().value()).stream().filter(t -> t.usableAt(now)).count()));
    return "access/account";
  }

  @GetMapping("/password")
  String passwordForm(Actor actor, Model model) {
    model.addAttribute("form", new PasswordForm(null, null, null));
    return passwordPage(actor, model);
  }

  /**
   * Changes the password. On any error the page comes back with every password field empty: none is
   * ever written into a page. Other sessions of the person end; this one stays signed in.
   */
  @PostMapping("/password")
  String changePassword(
      @ModelAttribute("form") PasswordForm form,
      BindingResult errors,
      Actor actor,
      Authentication authentication,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    String current = form.currentPassword() == null ? "" : form.currentPassword();
    String replacement = form.newPassword() == null ? "" : form.newPassword();
    if (current.isEmpty()) {
      errors.rejectValue("currentPassword", "password.current.required");
    }
    if (!PasswordService.acceptable(replacement)) {
      errors.rejectValue(
          "newPassword",
          "password.length",
          new Object[] {PasswordService.MIN_LENGTH, PasswordService.MAX_LENGTH},
          null);
    } else if (!replacement.equals(form.confirmPassword())) {
      errors.rejectValue("confirmPassword", "password.confirmation.mismatch");
    }
    if (errors.hasErrors()) {
      return passwordPage(actor, model);
    }
    MamoriPrincipal principal = (MamoriPrincipal) authentication.getPrincipal();
    try {
      passwords.change(actor, actor.person(), principal.email(), current, replacement);
    } catch (AccessRuleViolation refused) {
      refused.rejectOn(errors);
      return passwordPage(actor, model);
    }
    endOtherSessions(principal.email(), session.getId());
    redirect.addFlashAttribute("passwordChanged", true);
    return "redirect:/account";
  }

  private String passwordPage(Actor actor, Model model) {
    model.addAttribute(
        "hasPassword",
        credentials
            .find(actor.person().value())
            .map(Credentials.Credential::hasPassword)
            .orElse(false));
    model.addAttribute("minLength", PasswordService.MIN_LENGTH);
    model.addAttribute("maxLength", PasswordService.MAX_LENGTH);
    return "access/password";
  }

  /** Someone who knew the old password may be signed in elsewhere: that ends now. */
  private void endOtherSessions(String email, String current) {
    sessions.findByPrincipalName(email).keySet().stream()
        .filter(id -> !id.equals(current))
        .forEach(sessions::deleteById);
  }
}
