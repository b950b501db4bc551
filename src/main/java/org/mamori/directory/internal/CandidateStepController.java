package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The consultation steps of a candidate (1.2 所管省庁への打診): one step forward, withdrawal, and
 * designation as a sector. Platform administrators only; each step is its own page.
 */
@Controller
@RequestMapping("/directory/candidates/{id}")
class CandidateStepController {

  private final CandidateViews views;
  private final CandidateReview review;
  private final CandidateAccess access;
  private final Sectors sectors;
  private final MessageSource messages;
  private final Clock clock;

  CandidateStepController(
      CandidateViews views,
      CandidateReview review,
      CandidateAccess access,
      Sectors sectors,
      MessageSource messages,
      Clock clock) {
    this.views = views;
    this.review = review;
    this.access = access;
    this.sectors = sectors;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/advance")
  String advanceForm(@PathVariable UUID id, Actor actor, Model model) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    if (page.designationNext()) {
      return "redirect:/directory/candidates/" + id + "/designate";
    }
    CandidateStage next = page.nextStep();
    if (next == null) {
      return "redirect:/directory/candidates/" + id;
    }
    model.addAttribute("stepForm", new StepForm(next, JapanDate.today(clock), ""));
    return stepPage(page, model);
  }

  @PostMapping("/advance")
  String advance(
      @PathVariable UUID id,
      @Valid @ModelAttribute("stepForm") StepForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    if (!errors.hasErrors() && form.to() != null && form.on() != null) {
      try {
        review.advance(
            actor, id, form.to(), form.on(), Objects.requireNonNullElse(form.note(), ""));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/candidates/" + id;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return stepPage(page, model);
  }

  @GetMapping("/withdraw")
  String withdrawalForm(@PathVariable UUID id, Actor actor, Model model) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    if (!page.open()) {
      return "redirect:/directory/candidates/" + id;
    }
    model.addAttribute("withdrawalForm", new WithdrawalForm(JapanDate.today(clock), ""));
    model.addAttribute("candidate", page);
    return "directory/candidate-withdraw";
  }

  @PostMapping("/withdraw")
  String withdraw(
      @PathVariable UUID id,
      @Valid @ModelAttribute("withdrawalForm") WithdrawalForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    if (!errors.hasErrors() && form.on() != null && form.reason() != null) {
      try {
        review.withdraw(actor, id, form.on(), form.reason());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/candidates/" + id;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    model.addAttribute("candidate", page);
    return "directory/candidate-withdraw";
  }

  @GetMapping("/designate")
  String designationForm(@PathVariable UUID id, Actor actor, Model model) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    if (!page.designationNext()) {
      return "redirect:/directory/candidates/" + id;
    }
    model.addAttribute(
        "designationForm",
        new DesignationForm(
            "",
            page.name().ja(),
            page.name().en(),
            JapanDate.today(clock),
            "",
            note(Locale.JAPANESE),
            note(Locale.ENGLISH)));
    return designationPage(page, model);
  }

  @PostMapping("/designate")
  String designate(
      @PathVariable UUID id,
      @Valid @ModelAttribute("designationForm") DesignationForm form,
      BindingResult errors,
      Actor actor,
      Model model) {
    access.requireChanger(actor);
    CandidatePage page = page(id);
    if (!errors.hasErrors() && form.on() != null) {
      try {
        review.designate(
            actor,
            id,
            Objects.requireNonNull(form.code()),
            new LocalizedText(Objects.requireNonNull(form.nameJa()).strip(), form.nameEn()),
            form.on(),
            form.splitFrom(),
            Objects.requireNonNullElse(form.noteJa(), ""),
            Objects.requireNonNullElse(form.noteEn(), ""));
        return "redirect:/directory/sectors/" + form.code();
      } catch (DirectoryRuleViolation rule) {
        if (rule.messageKey().startsWith("sector.code.")) {
          rule.rejectIn(errors, "code");
        } else {
          rule.rejectIn(errors);
        }
      }
    }
    return designationPage(page, model);
  }

  private String stepPage(CandidatePage page, Model model) {
    model.addAttribute("candidate", page);
    return "directory/candidate-step";
  }

  private String designationPage(CandidatePage page, Model model) {
    model.addAttribute("candidate", page);
    model.addAttribute(
        "sectorChoices",
        sectors.findAllInOrder().stream().map(s -> new SectorChoice(s.code(), s.name())).toList());
    return "directory/candidate-designate";
  }

  private String note(Locale locale) {
    return messages.getMessage("candidate.designate.defaultNote", null, locale);
  }

  private CandidatePage page(UUID id) {
    return views.page(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  record SectorChoice(String code, LocalizedText name) {}

  /**
   * @param to the stage the person saw as next; refused if the candidate has moved on meanwhile
   */
  record StepForm(
      @NotNull @Nullable CandidateStage to,
      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
      @Size(max = 2000) @Nullable String note) {}

  record WithdrawalForm(
      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
      @NotBlank @Size(max = 2000) @Nullable String reason) {}

  record DesignationForm(
      // Blank is left to @NotBlank, so an empty field gets one message, not two.
      @NotBlank @Pattern(regexp = "^$|^[a-z][a-z0-9-]{1,40}$") @Nullable String code,
      @NotBlank @Size(max = 100) @Nullable String nameJa,
      @Size(max = 200) @Nullable String nameEn,
      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
      @Nullable String splitFrom,
      @Size(max = 2000) @Nullable String noteJa,
      @Size(max = 2000) @Nullable String noteEn) {}
}
