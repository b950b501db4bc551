package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.springframework.http.HttpStatus;
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
 * The candidate-sector review: the list, a candidate's page, naming and describing candidates, and
 * scoring them. The national hub and sector ministries read; platform administrators change.
 */
@Controller
@RequestMapping("/directory/candidates")
class CandidateController {

  private final CandidateViews views;
  private final CandidateReview review;
  private final CandidateAccess access;
  private final Organisations organisations;

  CandidateController(
      CandidateViews views,
      CandidateReview review,
      CandidateAccess access,
      Organisations organisations) {
    this.views = views;
    this.review = review;
    this.access = access;
    this.organisations = organisations;
  }

  @GetMapping
  String list(Actor actor, Model model) {
    access.requireViewer(actor);
    model.addAttribute("candidates", views.candidates());
    model.addAttribute("mayChange", access.mayChange(actor));
    return "directory/candidates";
  }

  @GetMapping("/new")
  String newCandidate(Actor actor, Model model) {
    access.requireChanger(actor);
    model.addAttribute("candidateForm", new CandidateForm("", "", "", null));
    return form(null, model);
  }

  @PostMapping
  String propose(
      @Valid @ModelAttribute("candidateForm") CandidateForm form,
      BindingResult errors,
      Actor actor,
      Model model) {
    access.requireChanger(actor);
    if (!errors.hasErrors()) {
      try {
        UUID id = review.propose(actor, form.name(), form.text(), form.ministryId());
        return "redirect:/directory/candidates/" + id;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return form(null, model);
  }

  @GetMapping("/{id}")
  String show(@PathVariable UUID id, Actor actor, Model model) {
    access.requireViewer(actor);
    model.addAttribute("candidate", page(id));
    model.addAttribute("mayChange", access.mayChange(actor));
    return "directory/candidate";
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable UUID id, Actor actor, Model model) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    model.addAttribute(
        "candidateForm",
        new CandidateForm(
            page.name().ja(), page.name().en(), page.description(), page.ministryId()));
    return form(id, model);
  }

  @PostMapping("/{id}/edit")
  String describe(
      @PathVariable UUID id,
      @Valid @ModelAttribute("candidateForm") CandidateForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    access.requireChanger(actor);
    page(id); // an unknown candidate is a 404, not a form error
    if (!errors.hasErrors()) {
      try {
        review.describe(actor, id, form.name(), form.text(), form.ministryId());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/candidates/" + id;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return form(id, model);
  }

  @GetMapping("/{id}/scores/{criterion}")
  String scoreForm(
      @PathVariable UUID id, @PathVariable String criterion, Actor actor, Model model) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    CandidatePage.CriterionLine line = line(page, criterion);
    model.addAttribute("scoreForm", new ScoreForm(line.score(), line.rationale()));
    return scorePage(page, line, model);
  }

  @PostMapping("/{id}/scores/{criterion}")
  String score(
      @PathVariable UUID id,
      @PathVariable String criterion,
      @Valid @ModelAttribute("scoreForm") ScoreForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    CandidatePage.CriterionLine line = line(page, criterion);
    if (!errors.hasErrors() && form.score() != null) {
      try {
        review.score(
            actor, id, criterion, form.score(), Objects.requireNonNullElse(form.rationale(), ""));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/candidates/" + id + "#criterion-" + criterion;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return scorePage(page, line, model);
  }

  private String scorePage(CandidatePage page, CandidatePage.CriterionLine line, Model model) {
    model.addAttribute("candidate", page);
    model.addAttribute("criterion", line);
    return "directory/candidate-score";
  }

  private String form(@Nullable UUID id, Model model) {
    model.addAttribute("candidateId", id);
    model.addAttribute(
        "ministryChoices",
        organisations.findByKind(OrganisationKind.SECTOR_MINISTRY.name()).stream()
            .map(o -> new Choice(o.id().value(), o.name()))
            .toList());
    return "directory/candidate-form";
  }

  private CandidatePage page(UUID id) {
    return views.page(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static CandidatePage.CriterionLine line(CandidatePage page, String criterion) {
    return page.criteria().stream()
        .filter(c -> c.code().equals(criterion))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  record Choice(UUID id, LocalizedText name) {}

  /** Few required fields: only the Japanese name. */
  record CandidateForm(
      @NotBlank @Size(max = 100) @Nullable String nameJa,
      @Size(max = 200) @Nullable String nameEn,
      @Size(max = 4000) @Nullable String description,
      @Nullable UUID ministry) {

    LocalizedText name() {
      return new LocalizedText(Objects.requireNonNull(nameJa).strip(), nameEn);
    }

    String text() {
      return Objects.requireNonNullElse(description, "");
    }

    @Nullable OrganisationId ministryId() {
      return ministry == null ? null : new OrganisationId(ministry);
    }
  }

  record ScoreForm(
      @NotNull @Min(0) @Max(CandidateCriterion.LARGEST_SCALE) @Nullable Integer score,
      @Size(max = 2000) @Nullable String rationale) {}
}
