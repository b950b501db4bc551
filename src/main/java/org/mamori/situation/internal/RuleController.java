package org.mamori.situation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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
 * The recognition rules page: platform administrators and the hub's duty officers read each rule in
 * plain words; administrators change its thresholds, the level it proposes, and switch it on or
 * off. The one evaluator reads the rules afresh for every report, so a change applies at once.
 */
@Controller
@RequestMapping("/situations/rules")
class RuleController {

  static final int MAX_REPORTS = 1000;
  static final int MAX_WINDOW_HOURS = 720;
  static final int MAX_NAME = 200;

  /**
   * What the page shows of a rule.
   *
   * @param windowHours the window in whole hours (rules are kept in minutes)
   */
  record RuleView(RecognitionRule rule, long windowHours, LocalizedText levelName) {}

  /** An administrator's edit of a rule, as typed; checked by hand for clear messages. */
  record RuleForm(
      @Nullable String nameJa,
      @Nullable String nameEn,
      @Nullable String minSectors,
      @Nullable String minReports,
      @Nullable String windowHours,
      @Nullable String proposedLevel,
      @Nullable Boolean enabled) {}

  private final RecognitionRules rules;
  private final SituationLevels levels;
  private final SituationDecisions decisions;
  private final Directory directory;
  private final AccessPolicy access;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;

  RuleController(
      RecognitionRules rules,
      SituationLevels levels,
      SituationDecisions decisions,
      Directory directory,
      AccessPolicy access,
      MessageSource messages,
      ApplicationEventPublisher events) {
    this.rules = rules;
    this.levels = levels;
    this.decisions = decisions;
    this.directory = directory;
    this.access = access;
    this.messages = messages;
    this.events = events;
  }

  @GetMapping
  String list(Actor actor, Model model) {
    requireViewer(actor);
    return page(actor, model);
  }

  @PostMapping("/{code}")
  @Transactional
  String edit(
      @PathVariable String code,
      @ModelAttribute("ruleForm") RuleForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    RecognitionRule before =
        rules.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String nameJa = strip(form.nameJa());
    String nameEn = strip(form.nameEn());
    if (nameJa.isEmpty()) {
      errors.rejectValue("nameJa", "situation.rules.nameJa.required");
    } else if (nameJa.length() > MAX_NAME || nameEn.length() > MAX_NAME) {
      errors.rejectValue("nameJa", "situation.rules.name.long", new Object[] {MAX_NAME}, null);
    }
    int sectorCount = directory.sectors().size();
    Integer minSectors = number(form.minSectors(), 1, sectorCount, "minSectors", errors);
    Integer minReports = number(form.minReports(), 1, MAX_REPORTS, "minReports", errors);
    Integer hours = number(form.windowHours(), 1, MAX_WINDOW_HOURS, "windowHours", errors);
    SituationLevel level =
        levels.find(strip(form.proposedLevel())).filter(l -> l.rank() > 0).orElse(null);
    if (level == null) {
      errors.rejectValue("proposedLevel", "situation.rules.proposedLevel.unknown");
    }
    if (errors.hasErrors()
        || minSectors == null
        || minReports == null
        || hours == null
        || level == null) {
      model.addAttribute("editing", code);
      model.addAttribute("problems", problems(errors));
      return page(actor, model);
    }
    RecognitionRule after =
        new RecognitionRule(
            code,
            before.kind(),
            new LocalizedText(nameJa, nameEn),
            minSectors,
            minReports,
            Duration.ofHours(hours),
            level.code(),
            Boolean.TRUE.equals(form.enabled()));
    rules.update(after);
    events.publishEvent(
        new AuditableChange(
            actor, "situation.rule.edited", "recognition-rule", code, nameJa, before, after));
    redirect.addFlashAttribute("saved", code);
    return "redirect:/situations/rules";
  }

  private String page(Actor actor, Model model) {
    List<RuleView> views = new ArrayList<>();
    for (RecognitionRule rule : rules.all()) {
      views.add(
          new RuleView(
              rule,
              rule.window().toHours(),
              levels.find(rule.proposedLevel()).map(SituationLevel::name).orElse(rule.name())));
    }
    model.addAttribute("rules", views);
    model.addAttribute("proposable", levels.all().stream().filter(l -> l.rank() > 0).toList());
    model.addAttribute("mayEdit", access.can(actor, Capability.ADMINISTER_PLATFORM));
    model.addAttribute("sectorCount", directory.sectors().size());
    return "situation/rules";
  }

  /** A whole number within bounds, or an error on the field saying which bounds. */
  private static @Nullable Integer number(
      @Nullable String typed, int min, int max, String field, BindingResult errors) {
    String text = strip(typed);
    if (text.isEmpty()) {
      errors.rejectValue(field, "situation.rules." + field + ".required");
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    errors.rejectValue(field, "situation.rules." + field + ".range", new Object[] {min, max}, null);
    return null;
  }

  /** Each refusal in the reader's language, with the field it is about. */
  private List<Problem> problems(BindingResult errors) {
    Locale locale = LocaleContextHolder.getLocale();
    return errors.getFieldErrors().stream()
        .map(e -> new Problem(e.getField(), messages.getMessage(e, locale)))
        .toList();
  }

  /** One refusal: the field it is about and what to do, in words. */
  record Problem(String field, String message) {}

  private static String strip(@Nullable String text) {
    return text == null ? "" : text.strip();
  }

  private void requireViewer(Actor actor) {
    if (!(access.can(actor, Capability.ADMINISTER_PLATFORM) || decisions.mayDecide(actor))) {
      throw new AccessDeniedException(
          "recognition rules are for platform administrators and duty officers");
    }
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("recognition rules are edited by platform administrators");
    }
  }
}
