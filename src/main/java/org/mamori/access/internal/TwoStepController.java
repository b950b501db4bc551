package org.mamori.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.platform.DeploymentMode;
import org.mamori.shared.PersonId;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's own two-step sign-in: whether it is on, setting it up with an authenticator app,
 * turning it off with a current code. Platform administrators outside the demo cannot be without
 * it: turning it off sends them straight back to setting it up.
 */
@Controller
@RequestMapping("/account/two-step")
class TwoStepController {

  static final String NOTICE_DISMISSED = "mamori.two-step-notice.dismissed";

  private final TwoStep twoStep;
  private final Directory directory;
  private final DeploymentMode mode;
  private final SessionSignIns sessions;

  TwoStepController(
      TwoStep twoStep, Directory directory, DeploymentMode mode, SessionSignIns sessions) {
    this.twoStep = twoStep;
    this.directory = directory;
    this.mode = mode;
    this.sessions = sessions;
  }

  record CodeForm(@Nullable String code) {

    String typed() {
      return code == null ? "" : code;
    }
  }

  @GetMapping
  String status(@ModelAttribute("form") CodeForm form, Authentication authentication, Model model) {
    return statusPage(principal(authentication), model);
  }

  @GetMapping("/setup")
  String setup(@ModelAttribute("form") CodeForm form, Authentication authentication, Model model) {
    MamoriPrincipal principal = principal(authentication);
    if (twoStep.isOn(principal.personId())) {
      return "redirect:/account/two-step";
    }
    return setupPage(principal, authentication, model);
  }

  @PostMapping("/setup")
  String confirm(
      @ModelAttribute("form") CodeForm form,
      BindingResult errors,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    MamoriPrincipal principal = principal(authentication);
    try {
      twoStep.confirm(principal.actor(), principal.personId(), form.typed());
    } catch (AccessRuleViolation refused) {
      refused.rejectOn(errors);
      if (twoStep.isOn(principal.personId())) {
        return "redirect:/account/two-step";
      }
      return setupPage(principal, authentication, model);
    }
    redirect.addFlashAttribute("turnedOn", true);
    if (has(authentication, Authorities.TWO_STEP_SETUP_REQUIRED)) {
      // The one thing this sign-in still lacked: it is now complete.
      sessions.replace(
          SignInCompletion.authenticated(principal, Authorities.MEMBER), request, response);
    }
    return "redirect:/account/two-step";
  }

  @PostMapping("/off")
  String turnOff(
      @ModelAttribute("form") CodeForm form,
      BindingResult errors,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    MamoriPrincipal principal = principal(authentication);
    try {
      twoStep.turnOff(principal.actor(), principal.personId(), principal.email(), form.typed());
    } catch (AccessRuleViolation refused) {
      refused.rejectOn(errors);
      return statusPage(principal, model);
    }
    if (mustKeep(principal)) {
      sessions.replace(
          SignInCompletion.authenticated(principal, Authorities.TWO_STEP_SETUP_REQUIRED),
          request,
          response);
      return "redirect:/account/two-step/setup";
    }
    redirect.addFlashAttribute("turnedOff", true);
    return "redirect:/account/two-step";
  }

  /** Hides the "set up two-step sign-in" notice for the rest of this session. */
  @PostMapping("/notice")
  String dismissNotice(
      HttpSession session, @RequestHeader(name = "Referer", required = false) String referer) {
    session.setAttribute(NOTICE_DISMISSED, Boolean.TRUE);
    return "redirect:" + localPath(referer);
  }

  /** Only the path and query of where the person was, so no one can redirect them elsewhere. */
  static String localPath(@Nullable String referer) {
    if (referer == null) {
      return "/";
    }
    try {
      URI uri = URI.create(referer);
      String path = uri.getRawPath();
      if (path == null || !path.startsWith("/") || path.startsWith("//")) {
        return "/";
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException unreadable) {
      return "/";
    }
  }

  private String statusPage(MamoriPrincipal principal, Model model) {
    model.addAttribute("on", twoStep.isOn(principal.personId()));
    model.addAttribute("mustKeep", mustKeep(principal));
    return "access/two-step";
  }

  private String setupPage(MamoriPrincipal principal, Authentication authentication, Model model) {
    model.addAttribute("key", twoStep.setupKey(principal.personId(), principal.email()));
    model.addAttribute("required", has(authentication, Authorities.TWO_STEP_SETUP_REQUIRED));
    return "access/two-step-setup";
  }

  private boolean mustKeep(MamoriPrincipal principal) {
    return SignInCompletion.mustSetUpTwoStep(
        directory.membershipsOf(new PersonId(principal.personId())), false, mode.demo());
  }

  private static boolean has(Authentication authentication, String authority) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> authority.equals(a.getAuthority()));
  }

  private static MamoriPrincipal principal(Authentication authentication) {
    return (MamoriPrincipal) authentication.getPrincipal();
  }
}
