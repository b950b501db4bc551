package org.mamori.access.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.MembershipSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.PersonId;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The second step of signing in: the code from the person's authenticator app. Wrong codes count
 * toward the same lockout as wrong passwords; the lock ends the half-finished sign-in.
 */
@Controller
class TwoStepSignInController {

  private final TwoStep twoStep;
  private final SignInThrottle throttle;
  private final Directory directory;
  private final SignInCompletion completion;
  private final SessionSignIns sessions;
  private final TwoStepGate gate;

  TwoStepSignInController(
      TwoStep twoStep,
      SignInThrottle throttle,
      Directory directory,
      SignInCompletion completion,
      SessionSignIns sessions,
      TwoStepGate gate) {
    this.twoStep = twoStep;
    this.throttle = throttle;
    this.directory = directory;
    this.completion = completion;
    this.sessions = sessions;
    this.gate = gate;
  }

  record CodeForm(@Nullable String code) {}

  @GetMapping(TwoStepGate.CODE_PAGE)
  String form(@ModelAttribute("form") CodeForm form) {
    return "access/two-step-sign-in";
  }

  @PostMapping(TwoStepGate.CODE_PAGE)
  @Nullable String prove(
      @ModelAttribute("form") CodeForm form,
      BindingResult errors,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, ServletException {
    MamoriPrincipal principal = (MamoriPrincipal) authentication.getPrincipal();
    String email = principal.email();
    Optional<Instant> locked = throttle.lockedUntil(email);
    if (locked.isPresent()) {
      return lockedOut(locked.get(), request, response);
    }
    if (!twoStep.verify(principal.personId(), form.code() == null ? "" : form.code())) {
      if (throttle.recordFailure(email)) {
        return lockedOut(throttle.lockedUntil(email).orElseGet(Instant::now), request, response);
      }
      errors.rejectValue("code", "twoStep.code.wrong");
      return "access/two-step-sign-in";
    }
    throttle.recordSuccess(email);
    PersonId person = new PersonId(principal.personId());
    List<MembershipSummary> memberships = directory.membershipsOf(person);
    boolean active = directory.person(person).map(PersonSummary::active).orElse(false);
    if (!active || memberships.isEmpty()) {
      sessions.signOut(request, response);
      return "redirect:/sign-in?disabled";
    }
    Authentication done = completion.signedIn(principal, memberships, true);
    sessions.replace(done, request, response);
    gate.onAuthenticationSuccess(request, response, done);
    return null;
  }

  private String lockedOut(
      Instant until, HttpServletRequest request, HttpServletResponse response) {
    sessions.signOut(request, response);
    return "redirect:/sign-in?locked="
        + URLEncoder.encode(SignInThrottle.shown(until), StandardCharsets.UTF_8);
  }
}
