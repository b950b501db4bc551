package org.mamori.situation.internal;

import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.context.ApplicationEventPublisher;
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
 * The national hub's situation pages: the list, a situation room, a proposal with its decision, a
 * duty officer's call, closing, and the levels (edited by platform administrators).
 */
@Controller
@RequestMapping("/situations")
class SituationController {

  private final SituationViews views;
  private final SituationDecisions decisions;
  private final SituationLevels levels;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  SituationController(
      SituationViews views,
      SituationDecisions decisions,
      SituationLevels levels,
      Directory directory,
      AccessPolicy access,
      ApplicationEventPublisher events) {
    this.views = views;
    this.decisions = decisions;
    this.levels = levels;
    this.directory = directory;
    this.access = access;
    this.events = events;
  }

  @GetMapping
  String list(Actor actor, Model model) {
    requireViewer(actor);
    model.addAttribute("situations", views.recentSituations());
    model.addAttribute("proposals", views.openProposals());
    model.addAttribute("mayDecide", decisions.mayDecide(actor));
    model.addAttribute("mayEditLevels", access.can(actor, Capability.ADMINISTER_PLATFORM));
    return "situation/situations";
  }

  @GetMapping("/{id}")
  String room(@PathVariable UUID id, Actor actor, Model model) {
    requireViewer(actor);
    model.addAttribute("room", views.room(id, actor).orElseThrow(SituationController::notFound));
    model.addAttribute("mayDecide", decisions.mayDecide(actor));
    if (!model.containsAttribute("decision")) {
      model.addAttribute("decision", SituationForms.Decision.empty());
    }
    return "situation/situation";
  }

  @PostMapping("/{id}/close")
  String close(
      @PathVariable UUID id,
      @Valid @ModelAttribute("decision") SituationForms.Decision form,
      BindingResult errors,
      Actor actor,
      Model model) {
    requireDecider(actor);
    if (!errors.hasErrors()) {
      try {
        decisions.close(actor, id, form.reason());
        return "redirect:/situations/" + id;
      } catch (SituationRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return room(id, actor, model);
  }

  @GetMapping("/call")
  String callForm(Actor actor, Model model) {
    requireDecider(actor);
    return call(null, SituationForms.Call.empty(), model);
  }

  @PostMapping("/call")
  String call(
      @Valid @ModelAttribute("callForm") SituationForms.Call form,
      BindingResult errors,
      Actor actor,
      Model model) {
    return decideCall(null, form, errors, actor, model);
  }

  @GetMapping("/{id}/level")
  String levelForm(@PathVariable UUID id, Actor actor, Model model) {
    requireDecider(actor);
    return call(id, SituationForms.Call.empty(), model);
  }

  @PostMapping("/{id}/level")
  String changeLevel(
      @PathVariable UUID id,
      @Valid @ModelAttribute("callForm") SituationForms.Call form,
      BindingResult errors,
      Actor actor,
      Model model) {
    return decideCall(id, form, errors, actor, model);
  }

  @GetMapping("/proposals/{id}")
  String proposal(@PathVariable UUID id, Actor actor, Model model) {
    requireViewer(actor);
    model.addAttribute("proposal", views.proposal(id).orElseThrow(SituationController::notFound));
    model.addAttribute("mayDecide", decisions.mayDecide(actor));
    if (!model.containsAttribute("decision")) {
      model.addAttribute("decision", SituationForms.Decision.empty());
    }
    return "situation/proposal";
  }

  @PostMapping("/proposals/{id}/confirm")
  String confirm(
      @PathVariable UUID id,
      @Valid @ModelAttribute("decision") SituationForms.Decision form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireDecider(actor);
    if (!errors.hasErrors()) {
      try {
        UUID situation = decisions.confirm(actor, id, form.reason());
        if (situation != null) {
          return "redirect:/situations/" + situation;
        }
        redirect.addFlashAttribute("awaitingSecond", true);
        return "redirect:/situations/proposals/" + id;
      } catch (SituationRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return proposal(id, actor, model);
  }

  @PostMapping("/proposals/{id}/dismiss")
  String dismiss(
      @PathVariable UUID id,
      @Valid @ModelAttribute("decision") SituationForms.Decision form,
      BindingResult errors,
      Actor actor,
      Model model) {
    requireDecider(actor);
    if (!errors.hasErrors()) {
      try {
        decisions.dismiss(actor, id, form.reason());
        return "redirect:/situations/proposals/" + id;
      } catch (SituationRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return proposal(id, actor, model);
  }

  @GetMapping("/levels")
  String levelList(Actor actor, Model model) {
    requireAdministrator(actor);
    return levelPage(model);
  }

  private String levelPage(Model model) {
    model.addAttribute("levels", levels.all());
    model.addAttribute("organisationKinds", OrganisationKind.values());
    model.addAttribute("nameable", views.nameableOrganisations(levels.all()));
    return "situation/levels";
  }

  @PostMapping("/levels/{code}")
  @Transactional
  String editLevel(
      @PathVariable String code,
      @Valid @ModelAttribute("level") SituationForms.Level form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    SituationLevel before = levels.find(code).orElseThrow(SituationController::notFound);
    if (form.joiningOrganisations() != null
        && !views.nameableIds(levels.all()).containsAll(form.joiningOrganisations())) {
      errors.rejectValue(
          "joiningOrganisations",
          "situation.levels.organisationUnknown",
          "situation.levels.organisationUnknown");
    }
    if (errors.hasErrors()) {
      model.addAttribute("editing", code);
      return levelPage(model);
    }
    LocalizedText name =
        new LocalizedText(
            form.nameJa().strip(), form.nameEn() == null ? "" : form.nameEn().strip());
    levels.update(
        new SituationLevel(
            code,
            before.rank(),
            name,
            form.followUpMinutes(),
            Boolean.TRUE.equals(form.twoPerson()),
            form.joiningKinds() == null ? Set.of() : Set.copyOf(form.joiningKinds()),
            form.joiningOrganisations() == null
                ? Set.of()
                : form.joiningOrganisations().stream()
                    .map(OrganisationId::new)
                    .collect(Collectors.toSet())));
    events.publishEvent(
        new AuditableChange(
            actor,
            "situation.level.edited",
            "situation-level",
            code,
            name.ja(),
            before,
            levels.get(code)));
    redirect.addFlashAttribute("saved", code);
    return "redirect:/situations/levels";
  }

  private String decideCall(
      @Nullable UUID situation,
      SituationForms.Call form,
      BindingResult errors,
      Actor actor,
      Model model) {
    requireDecider(actor);
    if (!errors.hasErrors()) {
      try {
        Set<SectorId> sectors = new HashSet<>();
        if (form.sectors() != null) {
          form.sectors().forEach(s -> sectors.add(new SectorId(s)));
        }
        decisions.call(
            actor,
            situation,
            form.title() == null ? "" : form.title(),
            form.level(),
            Boolean.TRUE.equals(form.national()),
            sectors,
            form.reason());
        return situation == null ? "redirect:/situations" : "redirect:/situations/" + situation;
      } catch (SituationRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return call(situation, form, model);
  }

  private String call(@Nullable UUID situation, SituationForms.Call form, Model model) {
    if (!model.containsAttribute("callForm")) {
      model.addAttribute("callForm", form);
    }
    model.addAttribute("situationId", situation);
    model.addAttribute(
        "levels", levels.all().stream().filter(l -> situation != null || l.rank() > 0).toList());
    model.addAttribute("sectors", directory.sectors());
    return "situation/call";
  }

  private void requireViewer(Actor actor) {
    if (!views.maySee(actor)) {
      throw new AccessDeniedException("situations are the national hub's working papers");
    }
  }

  private void requireDecider(Actor actor) {
    if (!decisions.mayDecide(actor)) {
      throw new AccessDeniedException("only the national hub's duty officers decide on levels");
    }
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("levels are edited by platform administrators");
    }
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
