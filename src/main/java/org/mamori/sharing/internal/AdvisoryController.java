package org.mamori.sharing.internal;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
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
 * Advisories in the browser: the lists (received, issued, all readable), the form (also for a
 * sanitised release of a report), the advisory page and what a reader may do there.
 */
@Controller
@RequestMapping("/advisories")
class AdvisoryController {

  static final int PAGE_SIZE = 50;

  private final Advisories advisories;
  private final AdvisoryIssuing issuing;
  private final AdvisoryViews views;
  private final AdvisoryPages pages;
  private final AdvisoryAudiences audiences;
  private final Reports reports;
  private final Sanitisation sanitisation;
  private final Directory directory;

  AdvisoryController(
      Advisories advisories,
      AdvisoryIssuing issuing,
      AdvisoryViews views,
      AdvisoryPages pages,
      AdvisoryAudiences audiences,
      Reports reports,
      Sanitisation sanitisation,
      Directory directory) {
    this.advisories = advisories;
    this.issuing = issuing;
    this.views = views;
    this.pages = pages;
    this.audiences = audiences;
    this.reports = reports;
    this.sanitisation = sanitisation;
    this.directory = directory;
  }

  @GetMapping
  String list(
      @RequestParam(defaultValue = "RECEIVED") AdvisoryViews.Box box,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Model model) {
    int current = Math.max(0, page);
    List<AdvisoryViews.AdvisoryRow> rows =
        views.list(actor, box, current * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute("box", box);
    model.addAttribute("advisories", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
    model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("mayIssue", issuing.mayIssue(actor));
    return "sharing/advisories";
  }

  /** A blank form, or with {@code from} a sanitised release of that report, prefilled. */
  @GetMapping("/new")
  String newAdvisory(
      @RequestParam(required = false) String from, Actor actor, Locale locale, Model model) {
    requireIssuer(actor);
    if (from == null) {
      model.addAttribute("advisoryForm", AdvisoryForm.blank());
    } else {
      Report report = publishable(from, actor);
      model.addAttribute("advisoryForm", sanitisation.prefill(report, actor, locale));
    }
    return formPage(actor, locale, model);
  }

  @PostMapping
  String issue(
      @Valid @ModelAttribute("advisoryForm") AdvisoryForm form,
      BindingResult errors,
      Actor actor,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    requireIssuer(actor);
    AdvisoryContent content = form.content(errors, audiences::named);
    if (content != null && !errors.hasErrors()) {
      try {
        Advisory advisory = issuing.issue(actor, content);
        redirect.addFlashAttribute("done", "issued");
        return "redirect:/advisories/" + advisory.reference();
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return formPage(actor, locale, model);
  }

  @GetMapping("/{reference}")
  String show(@PathVariable String reference, Actor actor, Locale locale, Model model) {
    model.addAttribute("advisory", readable(advisory(reference), actor, locale));
    return "sharing/advisory";
  }

  @PostMapping("/{reference}/acknowledgement")
  String acknowledge(@PathVariable String reference, Actor actor, RedirectAttributes redirect) {
    Advisory advisory = advisory(reference);
    act(() -> issuing.acknowledge(actor, advisory.id()), redirect, "acknowledged");
    return "redirect:/advisories/" + reference;
  }

  @PostMapping("/{reference}/relay")
  String relay(@PathVariable String reference, Actor actor, RedirectAttributes redirect) {
    Advisory advisory = advisory(reference);
    act(() -> issuing.relay(actor, advisory.id()), redirect, "relayed");
    return "redirect:/advisories/" + reference;
  }

  @PostMapping("/{reference}/reminders")
  String remind(@PathVariable String reference, Actor actor, RedirectAttributes redirect) {
    Advisory advisory = advisory(reference);
    act(() -> issuing.remind(actor, advisory.id()), redirect, "reminded");
    return "redirect:/advisories/" + reference;
  }

  @PostMapping("/{reference}/marking")
  String mark(
      @PathVariable String reference,
      @RequestParam Tlp tlp,
      Actor actor,
      RedirectAttributes redirect) {
    Advisory advisory = advisory(reference);
    act(() -> issuing.mark(actor, advisory.id(), tlp), redirect, "marked");
    return "redirect:/advisories/" + reference;
  }

  private void act(Runnable action, RedirectAttributes redirect, String done) {
    try {
      action.run();
      redirect.addFlashAttribute("done", done);
    } catch (SharingRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
    }
  }

  private String formPage(Actor actor, Locale locale, Model model) {
    AdvisoryForm form = (AdvisoryForm) model.getAttribute("advisoryForm");
    model.addAttribute(
        "source", form != null && form.sanitised() ? source(form, actor, locale) : null);
    model.addAttribute("sectors", directory.sectors());
    model.addAttribute("kinds", OrganisationKind.values());
    model.addAttribute("tlps", Tlp.values());
    return "sharing/advisory-form";
  }

  private Sanitisation.Source source(AdvisoryForm form, Actor actor, Locale locale) {
    return sanitisation.source(
        publishable(Objects.requireNonNull(form.sourceReport()).strip(), actor), locale);
  }

  private Report publishable(String reference, Actor actor) {
    Report report =
        reports
            .findByReference(reference)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!sanitisation.mayPublish(actor, report)) {
      throw new AccessDeniedException("may not publish a sanitised version of " + reference);
    }
    return report;
  }

  private AdvisoryPage readable(Advisory advisory, Actor actor, Locale locale) {
    return pages
        .page(advisory, actor, locale)
        .orElseThrow(() -> new AccessDeniedException("may not read " + advisory.reference()));
  }

  private Advisory advisory(String reference) {
    return advisories
        .findByReference(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void requireIssuer(Actor actor) {
    if (!issuing.mayIssue(actor)) {
      throw new AccessDeniedException("only liaisons of issuing organisations issue advisories");
    }
  }
}
