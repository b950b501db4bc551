package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
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

/** The sectors: a list for every member, details and history, editing for administrators. */
@Controller
@RequestMapping("/directory/sectors")
class SectorController {

  private final Sectors sectors;
  private final Organisations organisations;
  private final DirectoryViews views;
  private final SectorAdministration administration;
  private final DirectoryPolicy policy;

  SectorController(
      Sectors sectors,
      Organisations organisations,
      DirectoryViews views,
      SectorAdministration administration,
      DirectoryPolicy policy) {
    this.sectors = sectors;
    this.organisations = organisations;
    this.views = views;
    this.administration = administration;
    this.policy = policy;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("sectors", views.sectors());
    return "directory/sectors";
  }

  @GetMapping("/{code}")
  String show(@PathVariable String code, Actor actor, Model model) {
    Sector sector = sector(code);
    model.addAttribute("form", SectorForm.of(sector));
    model.addAttribute("transfer", new TransferForm(null, null));
    return page(sector, actor, model);
  }

  @PostMapping("/{code}")
  String edit(
      @PathVariable String code,
      @Valid @ModelAttribute("form") SectorForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    Sector sector = sector(code);
    if (errors.hasErrors()) {
      model.addAttribute("transfer", new TransferForm(null, null));
      return page(sector, actor, model);
    }
    administration.edit(
        actor,
        code,
        new LocalizedText(form.nameJa(), form.nameEn()),
        form.descriptionJa(),
        form.descriptionEn(),
        form.displayOrder());
    redirect.addFlashAttribute("saved", true);
    return "redirect:/directory/sectors/" + code;
  }

  @PostMapping("/{code}/ministry")
  String transfer(
      @PathVariable String code,
      @Valid @ModelAttribute("transfer") TransferForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    Sector sector = sector(code);
    if (!errors.hasErrors()) {
      try {
        administration.transfer(actor, code, new OrganisationId(form.ministry()), form.from());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/sectors/" + code;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    model.addAttribute("form", SectorForm.of(sector));
    return page(sector, actor, model);
  }

  private String page(Sector sector, Actor actor, Model model) {
    Map<UUID, LocalizedText> ministryNames = new HashMap<>();
    organisations
        .findAllById(
            sector.ministriesInOrder().stream().map(MinistryAssignment::ministryId).toList())
        .forEach(o -> ministryNames.put(o.id().value(), o.name()));
    Map<UUID, LocalizedText> sectorNames = new HashMap<>();
    sectors.findAll().forEach(s -> sectorNames.put(s.id().value(), s.name()));
    model.addAttribute("sector", SectorPage.of(sector, ministryNames, sectorNames));
    model.addAttribute("ceptoars", views.ceptoarsOfSector(sector.id().value()));
    model.addAttribute("operators", views.operatorsOfSector(sector.id().value()));
    model.addAttribute("mayEdit", policy.mayAdministerPlatform(actor));
    model.addAttribute(
        "ministryChoices",
        organisations.findByKind(OrganisationKind.SECTOR_MINISTRY.name()).stream()
            .map(o -> new Choice(o.id().value(), o.name()))
            .toList());
    return "directory/sector";
  }

  /**
   * Refused before the form is checked: a page of errors is no answer for someone who may not edit.
   */
  private void requireAdministrator(Actor actor) {
    if (!policy.mayAdministerPlatform(actor)) {
      throw new AccessDeniedException("only platform administrators change sectors");
    }
  }

  private Sector sector(String code) {
    return sectors
        .findByCode(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  record SectorForm(
      @NotBlank @Size(max = 100) String nameJa,
      @Size(max = 200) String nameEn,
      @Size(max = 2000) String descriptionJa,
      @Size(max = 2000) String descriptionEn,
      @Min(1) @Max(999) int displayOrder) {

    static SectorForm of(Sector sector) {
      return new SectorForm(
          sector.name().ja(),
          sector.name().en(),
          sector.descriptionJa(),
          sector.descriptionEn(),
          sector.displayOrder());
    }
  }

  record Choice(UUID id, LocalizedText name) {}

  record TransferForm(@NotNull @Nullable UUID ministry, @NotNull @Nullable LocalDate from) {}
}
