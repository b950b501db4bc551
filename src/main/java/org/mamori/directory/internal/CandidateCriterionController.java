package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
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

/** The criteria candidates are scored on: readable by the review's members, edited by admins. */
@Controller
@RequestMapping("/directory/candidates/criteria")
class CandidateCriterionController {

  private final CandidateCriteria criteria;
  private final CandidateViews views;
  private final CandidateReview review;
  private final CandidateAccess access;

  CandidateCriterionController(
      CandidateCriteria criteria,
      CandidateViews views,
      CandidateReview review,
      CandidateAccess access) {
    this.criteria = criteria;
    this.views = views;
    this.review = review;
    this.access = access;
  }

  @GetMapping
  String list(Actor actor, Model model) {
    access.requireViewer(actor);
    model.addAttribute("criteria", views.criteria());
    model.addAttribute("mayChange", access.mayChange(actor));
    return "directory/candidate-criteria";
  }

  @GetMapping("/{code}")
  String editForm(@PathVariable String code, Actor actor, Model model) {
    access.requireChanger(actor);
    CandidateCriterion criterion = criterion(code);
    model.addAttribute(
        "criterionForm",
        new CriterionForm(
            criterion.name().ja(),
            criterion.name().en(),
            criterion.descriptionJa(),
            criterion.descriptionEn(),
            new BigDecimal(CandidateWeightedScore.plain(criterion.weight())),
            criterion.maxScore()));
    return page(criterion, model);
  }

  @PostMapping("/{code}")
  String revise(
      @PathVariable String code,
      @Valid @ModelAttribute("criterionForm") CriterionForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    access.requireChanger(actor);
    CandidateCriterion criterion = criterion(code);
    if (!errors.hasErrors() && form.weight() != null && form.maxScore() != null) {
      try {
        review.reviseCriterion(
            actor,
            code,
            new LocalizedText(Objects.requireNonNull(form.nameJa()).strip(), form.nameEn()),
            Objects.requireNonNullElse(form.descriptionJa(), ""),
            Objects.requireNonNullElse(form.descriptionEn(), ""),
            form.weight(),
            form.maxScore());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/candidates/criteria";
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return page(criterion, model);
  }

  private String page(CandidateCriterion criterion, Model model) {
    model.addAttribute("criterion", CandidatePage.CriterionLine.of(criterion, null));
    return "directory/candidate-criterion";
  }

  private CandidateCriterion criterion(String code) {
    return criteria
        .findById(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  record CriterionForm(
      @NotBlank @Size(max = 100) @Nullable String nameJa,
      @Size(max = 200) @Nullable String nameEn,
      @Size(max = 2000) @Nullable String descriptionJa,
      @Size(max = 2000) @Nullable String descriptionEn,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          @Nullable BigDecimal weight,
      @NotNull @Min(1) @Max(CandidateCriterion.LARGEST_SCALE) @Nullable Integer maxScore) {}
}
