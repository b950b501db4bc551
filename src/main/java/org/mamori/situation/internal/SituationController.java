package org.mamori.situation.internal;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.mamori.shared.Tlp;
import org.mamori.sharing.AdvisoryRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** SITREPs go to whole sectors: TLP:RED (named people only) does not fit them. */
  static final List<Tlp> SITREP_MARKINGS =
      List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT);

  private static final Set<String> SITREP_FIELDS = Set.of("body", "tlp", "acknowledgeBy");

  private final SituationViews views;
  private final SituationDecisions decisions;
  private final SituationLevels levels;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;
  private final SitrepDesk sitreps;
  private final Sitreps sitrepRecords;
  private final AfterActionExport afterAction;

  SituationController(
      SitrepDesk sitreps,
      Sitreps sitrepRecords,
      AfterActionExport afterAction,
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
    this.sitreps = sitreps;
    this.sitrepRecords = sitrepRecords;
    this.afterAction = afterAction;
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
    SituationViews.Room room = views.room(id, actor).orElseThrow(SituationController::notFound);
    model.addAttribute("room", room);
    model.addAttribute("duties", levels.get(room.situation().levelCode()));
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
    return decide(
        errors,
        () -> {
          decisions.close(actor, id, form.reason());
          return "redirect:/situations/" + id;
        },
        () -> room(id, actor, model));
  }

  /** Compiles the next SITREP's draft (or the open draft again) and opens it. */
  @PostMapping("/{id}/sitreps")
  String draftSitrep(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    requireDecider(actor);
    try {
      return "redirect:/situations/" + id + "/sitreps/" + sitreps.draft(actor, id).number();
    } catch (SituationRuleViolation rule) {
      redirect.addFlashAttribute("sitrepRefused", rule.messageKey());
      return "redirect:/situations/" + id;
    }
  }

  @GetMapping("/{id}/sitreps/{number}")
  String sitrep(@PathVariable UUID id, @PathVariable int number, Actor actor, Model model) {
    requireViewer(actor);
    Sitrep sitrep = sitrepRecords.find(id, number).orElseThrow(SituationController::notFound);
    if (!model.containsAttribute("sitrepForm")) {
      model.addAttribute(
          "sitrepForm",
          new SituationForms.Sitrep(
              sitrep.body(),
              sitrep.tlp().name(),
              sitrep.acknowledgeBy() == null
                  ? ""
                  : FIELD.format(sitrep.acknowledgeBy().atZone(JAPAN)),
              "save"));
    }
    SituationViews.SituationRow sitrepSituation =
        views.situation(id).orElseThrow(SituationController::notFound);
    model.addAttribute("situation", sitrepSituation);
    model.addAttribute("sitrep", sitrep);
    model.addAttribute("mayDecide", decisions.mayDecide(actor));
    SituationLevel duties = levels.get(sitrepSituation.levelCode());
    model.addAttribute("duties", duties);
    model.addAttribute("markings", SITREP_MARKINGS.stream().filter(duties::allowsMarking).toList());
    return "situation/sitrep";
  }

  /** Keeps the edited draft, then issues it when asked; a refusal keeps every character typed. */
  @PostMapping("/{id}/sitreps/{number}")
  String editSitrep(
      @PathVariable UUID id,
      @PathVariable int number,
      @Valid @ModelAttribute("sitrepForm") SituationForms.Sitrep form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireDecider(actor);
    Tlp marking = Tlp.AMBER;
    try {
      marking = Tlp.valueOf(form.tlp() == null ? "" : form.tlp().strip());
    } catch (IllegalArgumentException unknown) {
      errors.rejectValue("tlp", "situation.sitrep.tlp.unknown", "situation.sitrep.tlp.unknown");
    }
    if (!SITREP_MARKINGS.contains(marking)) {
      errors.rejectValue("tlp", "situation.sitrep.tlp.unknown", "situation.sitrep.tlp.unknown");
    }
    Instant deadline = null;
    if (form.acknowledgeBy() != null && !form.acknowledgeBy().isBlank()) {
      try {
        deadline =
            LocalDateTime.parse(form.acknowledgeBy().strip(), FIELD).atZone(JAPAN).toInstant();
      } catch (DateTimeParseException malformed) {
        errors.rejectValue(
            "acknowledgeBy",
            "situation.sitrep.deadline.malformed",
            "situation.sitrep.deadline.malformed");
      }
    }
    if (errors.hasErrors()) {
      return sitrep(id, number, actor, model);
    }
    try {
      sitreps.save(actor, id, number, form.body(), marking, deadline);
      if ("issue".equals(form.action())) {
        Sitrep issued = sitreps.issue(actor, id, number);
        redirect.addFlashAttribute("sitrepIssued", issued.number());
        return "redirect:/situations/" + id;
      }
      redirect.addFlashAttribute("sitrepSaved", true);
      return "redirect:/situations/" + id + "/sitreps/" + number;
    } catch (SituationRuleViolation rule) {
      rule.rejectIn(errors);
    } catch (AdvisoryRefused refused) {
      if (refused.field() != null && SITREP_FIELDS.contains(refused.field())) {
        errors.rejectValue(
            refused.field(), refused.messageKey(), refused.arguments(), refused.messageKey());
      } else {
        errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
      }
    }
    return sitrep(id, number, actor, model);
  }

  /** The after-action record in JSON (interim while the situation is open). */
  @GetMapping(value = "/{id}/after-action.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AfterAction> afterActionJson(@PathVariable UUID id, Actor actor) {
    requireViewer(actor);
    AfterAction record = afterAction.of(id, actor).orElseThrow(SituationController::notFound);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(record, "json"))
        .contentType(MediaType.APPLICATION_JSON)
        .body(record);
  }

  /** The after-action record as a PDF in Japanese. */
  @GetMapping("/{id}/after-action.pdf")
  ResponseEntity<byte[]> afterActionPdf(@PathVariable UUID id, Actor actor) {
    requireViewer(actor);
    AfterAction record = afterAction.of(id, actor).orElseThrow(SituationController::notFound);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(record, "pdf"))
        .contentType(MediaType.APPLICATION_PDF)
        .body(afterAction.pdf(record));
  }

  private static String attachment(AfterAction record, String extension) {
    return ContentDisposition.attachment()
        .filename(
            record.situation().reference()
                + (record.interim() ? "-interim" : "")
                + "-after-action."
                + extension)
        .build()
        .toString();
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
    return decide(
        errors,
        () -> {
          UUID situation = decisions.confirm(actor, id, form.reason());
          if (situation != null) {
            return "redirect:/situations/" + situation;
          }
          redirect.addFlashAttribute("awaitingSecond", true);
          return "redirect:/situations/proposals/" + id;
        },
        () -> proposal(id, actor, model));
  }

  @PostMapping("/proposals/{id}/dismiss")
  String dismiss(
      @PathVariable UUID id,
      @Valid @ModelAttribute("decision") SituationForms.Decision form,
      BindingResult errors,
      Actor actor,
      Model model) {
    requireDecider(actor);
    return decide(
        errors,
        () -> {
          decisions.dismiss(actor, id, form.reason());
          return "redirect:/situations/proposals/" + id;
        },
        () -> proposal(id, actor, model));
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
    model.addAttribute("acknowledgements", SituationLevel.Acknowledgement.values());
    model.addAttribute("markings", SITREP_MARKINGS);
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
    SituationLevel.Acknowledgement acknowledgement = before.acknowledgement();
    if (form.acknowledgement() != null) {
      try {
        acknowledgement = SituationLevel.Acknowledgement.valueOf(form.acknowledgement());
      } catch (IllegalArgumentException unknown) {
        errors.rejectValue(
            "acknowledgement",
            "situation.levels.acknowledgement.unknown",
            "situation.levels.acknowledgement.unknown");
      }
    }
    Tlp minimumTlp = before.minimumTlp();
    if (form.minimumTlp() != null) {
      minimumTlp =
          SITREP_MARKINGS.stream()
              .filter(t -> t.name().equals(form.minimumTlp()))
              .findFirst()
              .orElse(null);
      if (minimumTlp == null) {
        errors.rejectValue(
            "minimumTlp",
            "situation.levels.minimumTlp.unknown",
            "situation.levels.minimumTlp.unknown");
      }
    }
    if (errors.hasErrors() || minimumTlp == null) {
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
                    .collect(Collectors.toSet()),
            acknowledgement,
            minimumTlp));
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
    return decide(
        errors,
        () -> {
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
        },
        () -> call(situation, form, model));
  }

  /**
   * Carries out a decision whose form is valid and goes where it leads; otherwise, or when the
   * decision breaks a rule of the desk, shows the form again with the reason.
   */
  private static String decide(
      BindingResult errors, Supplier<String> decision, Supplier<String> formAgain) {
    if (!errors.hasErrors()) {
      try {
        return decision.get();
      } catch (SituationRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return formAgain.get();
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
