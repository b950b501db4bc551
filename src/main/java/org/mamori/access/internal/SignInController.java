package org.mamori.access.internal;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. Spring Security handles the POST. */
@Controller
class SignInController {

  private final ObjectProvider<ClientRegistrationRepository> oidc;

  SignInController(ObjectProvider<ClientRegistrationRepository> oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/sign-in")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String locked,
      @RequestParam(required = false) String disabled,
      @RequestParam(name = "signed-out", required = false) String signedOut,
      @RequestParam(name = "password-set", required = false) String passwordSet,
      @RequestParam(name = "oidc-unknown", required = false) String oidcUnknown,
      @RequestParam(name = "oidc-failed", required = false) String oidcFailed,
      HttpSession session,
      Model model) {
    Object email = session.getAttribute(SignInFailureHandler.LAST_EMAIL);
    session.removeAttribute(SignInFailureHandler.LAST_EMAIL);
    model.addAttribute("email", email == null ? "" : email);
    model.addAttribute("badCredentials", error != null);
    model.addAttribute("lockedUntil", locked);
    model.addAttribute("disabled", disabled != null);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("passwordSet", passwordSet != null);
    model.addAttribute("oidcUnknown", oidcUnknown != null);
    model.addAttribute("oidcFailed", oidcFailed != null);
    model.addAttribute("oidcEnabled", oidc.getIfAvailable() != null);
    return "access/sign-in";
  }
}
