package org.mamori.sharing.internal;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;
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
 * Reports in the browser: lists, the guided form (drafts kept), the case page with its versions and
 * route, and the actions a reader may take there.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

  static final int PAGE_SIZE = 50;

  private final Reports reports;
  private final ReportDiscussion discussion;
  private final ReportExport exports;
  private final ReportVersions versions;
  private final ReportFiling filing;
  private final ReportViews views;
  private final ReportPages pages;
  private final Drafts drafts;
  private final Taxonomy taxonomy;
  private final Directory directory;
  private final AccessPolicy access;

  ReportController(
      Reports reports,
      ReportDiscussion discussion,
      ReportExport exports,
      ReportVersions versions,
      ReportFiling filing,
      ReportViews views,
      ReportPages pages,
      Drafts drafts,
      Taxonomy taxonomy,
      Directory directory,
      AccessPolicy access) {
    this.reports = reports;
    this.discussion = discussion;
    this.exports = exports;
    this.versions = versions;
    this.filing = filing;
    this.views = views;
    this.pages = pages;
    this.drafts = drafts;
    this.taxonomy = taxonomy;
    this.directory = directory;
    this.access = access;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) ReportViews.Box box,
      SearchForm search,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Model model) {
    ReportViews.Box shown = box != null ? box : defaultBox(actor);
    int current = Math.max(0, page);
    List<ReportViews.ReportRow> rows =
        views.list(actor, search.filter(shown), current * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute("box", shown);
    model.addAttribute("search", search);
    model.addAttribute("sectors", directory.sectors());
    model.addAttribute("reports", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
    model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("mayReport", access.can(actor, Capability.REPORT));
    model.addAttribute("mayAdminister", access.can(actor, Capability.ADMINISTER_ORGANISATION));
    model.addAttribute("mayEditTaxonomy", access.can(actor, Capability.ADMINISTER_PLATFORM));
    model.addAttribute("drafts", drafts.of(actor));
    model.addAttribute("eventTypes", taxonomy.eventTypes());
    return "sharing/reports";
  }

  /** Every report the reader may read that matches, as CSV that spreadsheets open in Japanese. */
  @GetMapping(path = "/export.csv")
  void export(
      @RequestParam(required = false) ReportViews.Box box,
      SearchForm search,
      Actor actor,
      jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    exports.write(actor, search.filter(box == null ? ReportViews.Box.ALL : box), response);
  }

  @GetMapping("/new")
  String newReport(@RequestParam(required = false) UUID draft, Actor actor, Model model) {
    requireReporter(actor);
    ReportForm form =
        draft == null
            ? ReportForm.blank()
            : drafts
                .find(actor, draft)
                .map(Drafts.Draft::form)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("form", form);
    return formPage(actor, model, draft, null);
  }

  @PostMapping
  String file(
      @Valid @ModelAttribute("form") ReportForm form,
      BindingResult errors,
      @RequestParam(required = false) UUID draft,
      @RequestParam(defaultValue = "submit") String action,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireReporter(actor);
    if ("draft".equals(action)) {
      UUID saved = drafts.save(actor, draft, null, form);
      redirect.addFlashAttribute("draftSaved", true);
      return "redirect:/reports/new?draft=" + saved;
    }
    ReportContent content = form.content(errors);
    if (content != null && !errors.hasErrors()) {
      try {
        Report report =
            filing.fileFirst(actor, content, form.emergency(), form.redRecipientEmails());
        if (draft != null) {
          drafts.discard(actor, draft);
        }
        redirect.addFlashAttribute("filed", true);
        return "redirect:/reports/" + report.reference();
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return formPage(actor, model, draft, null);
  }

  @GetMapping("/{reference}")
  String show(@PathVariable String reference, Actor actor, Model model) {
    Report report = report(reference);
    model.addAttribute(
        "report",
        pages
            .page(report, actor)
            .orElseThrow(() -> new AccessDeniedException("may not read " + reference)));
    model.addAttribute("discussion", discussion.of(report, actor));
    return "sharing/report";
  }

  @GetMapping("/{reference}/versions/new")
  String newVersion(@PathVariable String reference, Actor actor, Model model) {
    Report report = report(reference);
    ReportPage page = versionable(report, actor);
    ReportVersion last =
        versions.of(report.id()).stream()
            .filter(ReportVersion::released)
            .reduce((a, b) -> b)
            .orElseThrow();
    model.addAttribute("form", ReportForm.following(last.content()));
    return formPage(actor, model, null, page);
  }

  @PostMapping("/{reference}/versions")
  String addVersion(
      @PathVariable String reference,
      @Valid @ModelAttribute("form") ReportForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    Report report = report(reference);
    ReportPage page = versionable(report, actor);
    ReportContent content = form.content(errors);
    if (content != null && !errors.hasErrors()) {
      try {
        filing.addVersion(actor, report.id(), content);
        redirect.addFlashAttribute("filed", true);
        return "redirect:/reports/" + reference;
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return formPage(actor, model, null, page);
  }

  /** The report's page, for those who may add a version to it; refused before any form check. */
  private ReportPage versionable(Report report, Actor actor) {
    ReportPage page = readable(report, actor);
    if (!page.actions().addVersion() || page.latest() == null) {
      throw new AccessDeniedException("may not add a version to " + report.reference());
    }
    return page;
  }

  @PostMapping("/{reference}/forward")
  String forward(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String assessment,
      Actor actor,
      RedirectAttributes redirect) {
    Report report = report(reference);
    act(() -> filing.forward(actor, report.id(), assessment), redirect, "forwarded");
    return "redirect:/reports/" + reference;
  }

  @PostMapping("/{reference}/marking")
  String mark(
      @PathVariable String reference,
      @RequestParam Tlp tlp,
      Actor actor,
      RedirectAttributes redirect) {
    Report report = report(reference);
    act(() -> filing.mark(actor, report.id(), tlp), redirect, "marked");
    return "redirect:/reports/" + reference;
  }

  @PostMapping("/{reference}/versions/{number}/decision")
  String decide(
      @PathVariable String reference,
      @PathVariable int number,
      @RequestParam boolean approve,
      @RequestParam(defaultValue = "") String note,
      Actor actor,
      RedirectAttributes redirect) {
    Report report = report(reference);
    act(
        () -> filing.decide(actor, report.id(), number, approve, note),
        redirect,
        approve ? "approved" : "refused");
    return "redirect:/reports/" + reference;
  }

  @PostMapping("/drafts/{id}/delete")
  String discardDraft(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    drafts.discard(actor, id);
    redirect.addFlashAttribute("done", "draftDiscarded");
    return "redirect:/reports";
  }

  private void act(Runnable action, RedirectAttributes redirect, String done) {
    try {
      action.run();
      redirect.addFlashAttribute("done", done);
    } catch (SharingRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
    }
  }

  private String formPage(
      Actor actor, Model model, @Nullable UUID draft, @Nullable ReportPage following) {
    model.addAttribute("draft", draft);
    model.addAttribute("following", following);
    model.addAttribute("eventTypes", Taxonomy.offered(taxonomy.eventTypes()));
    model.addAttribute("impacts", Taxonomy.offered(taxonomy.impacts()));
    model.addAttribute("causeGroups", Taxonomy.byGroup(Taxonomy.offered(taxonomy.causes())));
    model.addAttribute("services", directory.servicesOf(actor.organisation()));
    model.addAttribute(
        "verificationLevel",
        directory
            .organisation(actor.organisation())
            .map(o -> o.sector())
            .flatMap(taxonomy::verificationLevel)
            .orElse(null));
    model.addAttribute(
        "stages",
        following == null
            ? List.of(ReportStage.FIRST)
            : List.of(ReportStage.FOLLOW_UP, ReportStage.FINAL));
    model.addAttribute("tlps", Tlp.values());
    return "sharing/report-form";
  }

  private ReportPage readable(Report report, Actor actor) {
    return pages
        .page(report, actor)
        .orElseThrow(() -> new AccessDeniedException("may not read " + report.reference()));
  }

  private Report report(String reference) {
    return reports
        .findByReference(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void requireReporter(Actor actor) {
    if (!access.can(actor, Capability.REPORT)) {
      throw new AccessDeniedException("only reporters file reports");
    }
  }

  private ReportViews.Box defaultBox(Actor actor) {
    return access.can(actor, Capability.RELAY) || access.can(actor, Capability.ANALYSE)
        ? ReportViews.Box.RECEIVED
        : ReportViews.Box.OURS;
  }
}
