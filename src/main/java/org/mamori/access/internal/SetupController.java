package org.mamori.access.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where a setup link leads: the person chooses their password (twice), then signs in. Open to
 * anyone, since the link itself is the credential; a used, expired or unknown link says so.
 */
@Controller
class SetupController {

  private final SetupLinkService links;

  SetupController(SetupLinkService links) {
    this.links = links;
  }

  record PasswordForm(@Nullable String password, @Nullable String confirmation) {}

  @GetMapping("/setup/{secret}")
  String form(@PathVariable String secret, Model model) {
    model.addAttribute("form", new PasswordForm(null, null));
    return page(secret, model);
  }

  @PostMapping("/setup/{secret}")
  String choose(
      @PathVariable String secret,
      @ModelAttribute("form") PasswordForm form,
      BindingResult errors,
      Model model) {
    String password = form.password() == null ? "" : form.password();
    if (!PasswordService.acceptable(password)) {
      errors.rejectValue(
          "password",
          "password.length",
          new Object[] {PasswordService.MIN_LENGTH, PasswordService.MAX_LENGTH},
          null);
    } else if (!password.equals(form.confirmation())) {
      errors.rejectValue("confirmation", "password.confirmation.mismatch");
    }
    if (!errors.hasErrors()) {
      try {
        links.choosePassword(secret, password);
        return "redirect:/sign-in?password-set";
      } catch (AccessRuleViolation refused) {
        refused.rejectOn(errors);
      }
    }
    return page(secret, model);
  }

  private String page(String secret, Model model) {
    SetupLinkService.Lookup lookup = links.look(secret);
    model.addAttribute("state", lookup.state().name());
    model.addAttribute("person", lookup.person());
    model.addAttribute("secret", secret);
    model.addAttribute("minLength", PasswordService.MIN_LENGTH);
    model.addAttribute("maxLength", PasswordService.MAX_LENGTH);
    return "access/setup";
  }
}
