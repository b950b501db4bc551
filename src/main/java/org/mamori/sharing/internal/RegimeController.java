package org.mamori.sharing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting regimes as platform administrators keep them: the list, a page to add one, and one per
 * regime to change its names and deadlines.
 */
@Controller
@RequestMapping("/reports/regimes")
class RegimeController {

  private final ReportingRegimes regimes;
  private final AccessPolicy access;

  RegimeController(ReportingRegimes regimes, AccessPolicy access) {
    this.regimes = regimes;
    this.access = access;
  }

  /** A regime as typed: figures stay text, so a wrong one is shown again as it was typed. */
  record RegimeForm(
      @Nullable String code,
      @NotBlank @Size(max = 100) @Nullable String nameJa,
      @Size(max = 100) @Nullable String nameEn,
      @Nullable String firstReportMinutes,
      @Nullable String secondReportHours,
      @Nullable String followUpHours,
      @Nullable String finalReportAmount,
      ReportingRegime.@Nullable Unit finalReportUnit,
      ReportingRegime.@Nullable From finalReportFrom,
      @Nullable Boolean byDefault,
      @Nullable String order) {

    static RegimeForm blank(int order) {
      return new RegimeForm(
          "",
          "",
          "",
          "60",
          "",
          "",
          "",
          ReportingRegime.Unit.DAYS,
          ReportingRegime.From.RECOVERED,
          false,
          String.valueOf(order));
    }

    static RegimeForm of(ReportingRegime r) {
      return new RegimeForm(
          r.code(),
          r.name().ja(),
          r.name().en(),
          String.valueOf(r.firstReportMinutes()),
          text(r.secondReportHours()),
          text(r.followUpHours()),
          text(r.finalReportAmount()),
          r.finalReportUnit(),
          r.finalReportFrom(),
          r.byDefault(),
          String.valueOf(r.order()));
    }

    /** The regime typed, or null after recording each mistake by its field. */
    @Nullable ReportingRegime regime(String code, BindingResult errors) {
      Integer first = number(firstReportMinutes, "firstReportMinutes", true, errors);
      Integer second = number(secondReportHours, "secondReportHours", false, errors);
      Integer every = number(followUpHours, "followUpHours", false, errors);
      Integer last = number(finalReportAmount, "finalReportAmount", false, errors);
      Integer position = number(order, "order", true, errors);
      if (finalReportFrom == ReportingRegime.From.SECOND_REPORT
          && second == null
          && !errors.hasFieldErrors("secondReportHours")) {
        errors.rejectValue("finalReportFrom", "regime.finalFrom.noSecond");
      }
      if (errors.hasErrors() || first == null || position == null) {
        return null;
      }
      return new ReportingRegime(
          code,
          new LocalizedText(Objects.requireNonNull(nameJa).strip(), nameEn),
          first,
          second,
          every,
          last,
          finalReportUnit == null ? ReportingRegime.Unit.DAYS : finalReportUnit,
          finalReportFrom == null ? ReportingRegime.From.RECOVERED : finalReportFrom,
          Boolean.TRUE.equals(byDefault),
          position);
    }

    private static @Nullable Integer number(
        @Nullable String typed, String field, boolean required, BindingResult errors) {
      String text = typed == null ? "" : typed.strip();
      if (text.isEmpty()) {
        if (required) {
          errors.rejectValue(field, "regime.number.required");
        }
        return null;
      }
      try {
        int value = Integer.parseInt(text);
        if (value >= 1 && value <= ReportingRegimes.LARGEST) {
          return value;
        }
      } catch (NumberFormatException notANumber) {
        // said below
      }
      errors.rejectValue(field, "regime.number.invalid");
      return null;
    }

    private static String text(@Nullable Integer value) {
      return value == null ? "" : value.toString();
    }
  }

  @GetMapping
  String overview(Actor actor, Model model) {
    requireAdministrator(actor);
    model.addAttribute("regimes", regimes.all());
    return "sharing/regimes";
  }

  @GetMapping("/new")
  String newRegime(Actor actor, Model model) {
    requireAdministrator(actor);
    int next = regimes.all().stream().mapToInt(ReportingRegime::order).max().orElse(0) + 1;
    model.addAttribute("regimeForm", RegimeForm.blank(next));
    return page(null, model);
  }

  @PostMapping
  String add(
      @Valid @ModelAttribute("regimeForm") RegimeForm form,
      BindingResult errors,
      Actor actor,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    String code = form.code() == null ? "" : form.code().strip();
    if (code.isEmpty()) {
      errors.rejectValue("code", "regime.code.required");
    } else if (!TaxonomyEditing.CODE.matcher(code).matches()) {
      errors.rejectValue("code", "regime.code.invalid");
    }
    ReportingRegime regime = form.regime(code, errors);
    if (regime != null) {
      try {
        regimes.add(actor, regime);
        return done(redirect, "added", regime.name().in(locale));
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return page(null, model);
  }

  @GetMapping("/{code}")
  String regime(@PathVariable String code, Actor actor, Model model) {
    requireAdministrator(actor);
    ReportingRegime regime = existing(code);
    model.addAttribute("regimeForm", RegimeForm.of(regime));
    return page(regime, model);
  }

  @PostMapping("/{code}")
  String change(
      @PathVariable String code,
      @Valid @ModelAttribute("regimeForm") RegimeForm form,
      BindingResult errors,
      Actor actor,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    ReportingRegime before = existing(code);
    ReportingRegime regime = form.regime(code, errors);
    if (regime != null) {
      try {
        regimes.change(actor, regime);
        return done(redirect, "changed", regime.name().in(locale));
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return page(before, model);
  }

  private String page(@Nullable ReportingRegime regime, Model model) {
    model.addAttribute("regime", regime);
    model.addAttribute("units", ReportingRegime.Unit.values());
    model.addAttribute("froms", ReportingRegime.From.values());
    return "sharing/regime";
  }

  private static String done(RedirectAttributes redirect, String what, String name) {
    redirect.addFlashAttribute("done", what);
    redirect.addFlashAttribute("doneName", name);
    return "redirect:/reports/regimes";
  }

  private ReportingRegime existing(String code) {
    return regimes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators edit reporting regimes");
    }
  }
}
