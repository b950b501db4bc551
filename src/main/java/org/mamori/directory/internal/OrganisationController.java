package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.SizeClass;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
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
 * Organisations: a searchable list of names for every member; private details for those who look
 * after the organisation; editing for its administrators and platform administrators.
 */
@Controller
@RequestMapping("/directory/organisations")
class OrganisationController {

  static final int PAGE_SIZE = 50;

  private final Organisations organisations;
  private final Sectors sectors;
  private final People people;
  private final Roles roles;
  private final DirectoryViews views;
  private final SizeClassifier sizes;
  private final OrganisationAdministration administration;
  private final PeopleAdministration peopleAdministration;
  private final DirectoryPolicy policy;

  OrganisationController(
      Organisations organisations,
      Sectors sectors,
      People people,
      Roles roles,
      DirectoryViews views,
      SizeClassifier sizes,
      OrganisationAdministration administration,
      PeopleAdministration peopleAdministration,
      DirectoryPolicy policy) {
    this.organisations = organisations;
    this.sectors = sectors;
    this.people = people;
    this.roles = roles;
    this.views = views;
    this.sizes = sizes;
    this.administration = administration;
    this.peopleAdministration = peopleAdministration;
    this.policy = policy;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Model model) {
    int current = Math.max(page, 0);
    List<DirectoryViews.OrganisationRow> rows =
        views.organisations(q, sector, kindOrNull(kind), current * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute("organisations", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
    model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("sector", sector == null ? "" : sector);
    model.addAttribute("kind", kindOrNull(kind) == null ? "" : kind);
    model.addAttribute("sectors", sectorChoices());
    model.addAttribute("kinds", OrganisationKind.values());
    model.addAttribute("mayRegister", policy.mayAdministerPlatform(actor));
    return "directory/organisations";
  }

  @GetMapping("/new")
  String registerForm(Actor actor, Model model) {
    requirePlatformAdministrator(actor);
    model.addAttribute("form", new RegisterForm("", "", "", Set.of(), null));
    return registerPage(model);
  }

  @PostMapping
  String register(
      @Valid @ModelAttribute("form") RegisterForm form,
      BindingResult errors,
      Actor actor,
      Model model) {
    requirePlatformAdministrator(actor);
    if (!errors.hasErrors()) {
      try {
        administration.register(
            actor,
            form.code(),
            EnumSet.copyOf(form.kinds()),
            new LocalizedText(form.nameJa(), form.nameEn()),
            form.sector() == null ? null : new SectorId(form.sector()));
        return "redirect:/directory/organisations/" + form.code().strip();
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return registerPage(model);
  }

  @GetMapping("/{code}")
  String show(@PathVariable String code, Actor actor, Model model) {
    Organisation organisation = organisation(code);
    model.addAttribute("organisation", page(organisation, actor));
    model.addAttribute("mayManage", policy.mayManage(actor, organisation.id()));
    model.addAttribute("mayAdminister", policy.mayAdministerPlatform(actor));
    if (policy.mayManage(actor, organisation.id())) {
      model.addAttribute("addPerson", new AddPersonForm("", "", "", Set.of()));
      model.addAttribute("roleChoices", rolesFor(organisation));
    }
    return "directory/organisation";
  }

  @GetMapping("/{code}/edit")
  String editForm(@PathVariable String code, Actor actor, Model model) {
    Organisation organisation = organisation(code);
    requireManager(actor, organisation);
    model.addAttribute("form", DetailsForm.of(organisation));
    if (policy.mayAdministerPlatform(actor)) {
      model.addAttribute("classification", ClassificationForm.of(organisation));
    }
    return editPage(organisation, actor, model);
  }

  @PostMapping("/{code}/edit")
  String edit(
      @PathVariable String code,
      @Valid @ModelAttribute("form") DetailsForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    Organisation organisation = organisation(code);
    requireManager(actor, organisation);
    if (!errors.hasErrors()) {
      try {
        administration.editDetails(actor, organisation.id(), form.details());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/organisations/" + code;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    if (policy.mayAdministerPlatform(actor)) {
      model.addAttribute("classification", ClassificationForm.of(organisation));
    }
    return editPage(organisation, actor, model);
  }

  @PostMapping("/{code}/classification")
  String classify(
      @PathVariable String code,
      @Valid @ModelAttribute("classification") ClassificationForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requirePlatformAdministrator(actor);
    Organisation organisation = organisation(code);
    if (!errors.hasErrors()) {
      try {
        administration.classify(
            actor,
            organisation.id(),
            EnumSet.copyOf(form.kinds()),
            form.sector() == null ? null : new SectorId(form.sector()),
            form.active(),
            form.ceptoars().stream().map(OrganisationId::new).collect(Collectors.toSet()));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/organisations/" + code;
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    model.addAttribute("form", DetailsForm.of(organisation));
    return editPage(organisation, actor, model);
  }

  @PostMapping("/{code}/people")
  String addPerson(
      @PathVariable String code,
      @Valid @ModelAttribute("addPerson") AddPersonForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    Organisation organisation = organisation(code);
    requireManager(actor, organisation);
    if (!errors.hasErrors()) {
      try {
        peopleAdministration.enrol(
            actor,
            form.email(),
            form.displayName(),
            organisation.id(),
            form.roles(),
            form.jobTitle());
        redirect.addFlashAttribute("personAdded", form.email());
        return "redirect:/directory/organisations/" + code + "#people";
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    model.addAttribute("organisation", page(organisation, actor));
    model.addAttribute("mayManage", true);
    model.addAttribute("mayAdminister", policy.mayAdministerPlatform(actor));
    model.addAttribute("roleChoices", rolesFor(organisation));
    return "directory/organisation";
  }

  @PostMapping("/{code}/people/{personId}")
  String changeRoles(
      @PathVariable String code,
      @PathVariable UUID personId,
      @RequestParam(required = false) Set<String> roles,
      @RequestParam(defaultValue = "") String jobTitle,
      Actor actor,
      RedirectAttributes redirect) {
    Organisation organisation = organisation(code);
    requireManager(actor, organisation);
    try {
      peopleAdministration.changeRoles(
          actor,
          new PersonId(personId),
          organisation.id(),
          roles == null ? Set.of() : roles,
          jobTitle);
      redirect.addFlashAttribute("saved", true);
    } catch (DirectoryRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
    }
    return "redirect:/directory/organisations/" + code + "#people";
  }

  @GetMapping("/{code}/people/{personId}/remove")
  String confirmRemoval(
      @PathVariable String code, @PathVariable UUID personId, Actor actor, Model model) {
    Organisation organisation = organisation(code);
    requireManager(actor, organisation);
    Person person =
        people
            .findById(personId)
            .filter(p -> p.membershipIn(organisation.id()).isPresent())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("organisationCode", code);
    model.addAttribute("organisationName", organisation.name());
    model.addAttribute("personId", personId);
    model.addAttribute("personName", person.displayName());
    return "directory/person-remove";
  }

  @PostMapping("/{code}/people/{personId}/remove")
  String remove(
      @PathVariable String code,
      @PathVariable UUID personId,
      Actor actor,
      RedirectAttributes redirect) {
    Organisation organisation = organisation(code);
    requireManager(actor, organisation);
    try {
      peopleAdministration.removeMembership(actor, new PersonId(personId), organisation.id());
      redirect.addFlashAttribute("saved", true);
    } catch (DirectoryRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
    }
    return "redirect:/directory/organisations/" + code + "#people";
  }

  private OrganisationPage page(Organisation organisation, Actor actor) {
    Map<UUID, Sector> sectorById =
        sectors.findAll().stream().collect(Collectors.toMap(s -> s.id().value(), s -> s));
    Sector sector =
        organisation.sector() == null ? null : sectorById.get(organisation.sector().value());
    OrganisationPage.PrivateDetails details = null;
    if (policy.maySeePrivateDetails(actor, organisation.id())) {
      details = privateDetails(organisation, sectorById);
    }
    return new OrganisationPage(
        organisation.id().value(),
        organisation.code(),
        organisation.name(),
        organisation.kinds(),
        sector == null ? null : new OrganisationPage.SectorRef(sector.code(), sector.name()),
        organisation.active(),
        details);
  }

  private OrganisationPage.PrivateDetails privateDetails(
      Organisation organisation, Map<UUID, Sector> sectorById) {
    Map<String, Role> roleByCode =
        roles.findAllInOrder().stream().collect(Collectors.toMap(Role::code, Function.identity()));
    List<OrganisationPage.PersonRow> members = new ArrayList<>();
    for (Person person : people.findMembersOf(organisation.id().value())) {
      Membership membership = person.membershipIn(organisation.id()).orElseThrow();
      members.add(
          new OrganisationPage.PersonRow(
              person.id().value(),
              person.displayName(),
              person.email(),
              membership.jobTitle(),
              membership.roles().stream()
                  .map(roleByCode::get)
                  .filter(r -> r != null)
                  .sorted(Comparator.comparingInt(Role::displayOrder))
                  .map(r -> new OrganisationPage.RoleRef(r.code(), roleName(r)))
                  .toList()));
    }
    List<OrganisationPage.OrganisationRef> ceptoars =
        organisations
            .findAllById(organisation.ceptoarIds().stream().map(OrganisationId::value).toList())
            .stream()
            .map(c -> new OrganisationPage.OrganisationRef(c.code(), c.name()))
            .toList();
    return new OrganisationPage.PrivateDetails(
        sizes.classify(organisation),
        organisation.explicitSizeClass() != null,
        organisation.employees(),
        organisation.capitalYen(),
        organisation.prefecture(),
        organisation.website(),
        organisation.contactsInOrder().stream()
            .map(c -> new OrganisationPage.ContactRow(c.label(), c.email(), c.phone()))
            .toList(),
        organisation.servicesInOrder().stream()
            .map(
                s ->
                    new OrganisationPage.ServiceRow(
                        new LocalizedText(s.nameJa(), s.nameEn()),
                        sectorById.get(s.sectorId()).name()))
            .toList(),
        ceptoars,
        members);
  }

  private List<RoleChoice> rolesFor(Organisation organisation) {
    return roles.findAllInOrder().stream()
        .filter(r -> r.allowedIn(organisation.kinds()))
        .map(r -> new RoleChoice(r.code(), roleName(r), roleDescription(r)))
        .toList();
  }

  private static LocalizedText roleName(Role role) {
    return new LocalizedText(role.nameJa(), role.nameEn());
  }

  private static LocalizedText roleDescription(Role role) {
    return new LocalizedText(
        role.descriptionJa().isBlank() ? role.nameJa() : role.descriptionJa(),
        role.descriptionEn());
  }

  private String registerPage(Model model) {
    model.addAttribute("sectors", sectorChoices());
    model.addAttribute("kinds", OrganisationKind.values());
    return "directory/organisation-new";
  }

  private String editPage(Organisation organisation, Actor actor, Model model) {
    model.addAttribute("organisationCode", organisation.code());
    model.addAttribute("organisationName", organisation.name());
    model.addAttribute("isOperator", organisation.is(OrganisationKind.OPERATOR));
    model.addAttribute("sectors", sectorChoices());
    model.addAttribute("kinds", OrganisationKind.values());
    model.addAttribute("sizeClasses", SizeClass.values());
    model.addAttribute("mayAdminister", policy.mayAdministerPlatform(actor));
    model.addAttribute(
        "ceptoarChoices",
        organisations.findByKind(OrganisationKind.CEPTOAR.name()).stream()
            .map(c -> new Choice(c.id().value(), c.name()))
            .toList());
    return "directory/organisation-edit";
  }

  private List<SectorChoice> sectorChoices() {
    return sectors.findAllInOrder().stream()
        .map(s -> new SectorChoice(s.id().value(), s.code(), s.name()))
        .toList();
  }

  private Organisation organisation(String code) {
    return organisations
        .findByCode(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void requireManager(Actor actor, Organisation organisation) {
    if (!policy.mayManage(actor, organisation.id())) {
      throw new AccessDeniedException("may not manage " + organisation.code());
    }
  }

  private void requirePlatformAdministrator(Actor actor) {
    if (!policy.mayAdministerPlatform(actor)) {
      throw new AccessDeniedException("only platform administrators");
    }
  }

  private static @Nullable String kindOrNull(@Nullable String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    for (OrganisationKind known : OrganisationKind.values()) {
      if (known.name().equals(kind)) {
        return kind;
      }
    }
    return null;
  }

  record Choice(UUID id, LocalizedText name) {}

  record SectorChoice(UUID id, String code, LocalizedText name) {}

  record RoleChoice(String code, LocalizedText name, LocalizedText description) {}

  record RegisterForm(
      @NotBlank @Size(max = 61) String code,
      @NotBlank @Size(max = 200) String nameJa,
      @Size(max = 200) String nameEn,
      @NotEmpty Set<OrganisationKind> kinds,
      @Nullable UUID sector) {

    RegisterForm {
      kinds = kinds == null ? Set.of() : kinds;
    }
  }

  record ContactForm(
      @Size(max = 100) String label,
      @Email @Size(max = 200) @Nullable String email,
      @Size(max = 50) @Nullable String phone) {}

  record ServiceForm(@Nullable UUID sector, @Size(max = 200) String nameJa, String nameEn) {}

  /** Rows beyond the stored ones are offered blank, so adding needs no script. */
  static final int BLANK_ROWS = 2;

  record DetailsForm(
      @NotBlank @Size(max = 200) String nameJa,
      @Size(max = 200) String nameEn,
      @Size(max = 20) @Nullable String prefecture,
      @Size(max = 300) @Nullable String website,
      @Min(0) @Max(10_000_000) @Nullable Integer employees,
      @Min(0) @Nullable Long capitalYen,
      @Nullable SizeClass sizeClass,
      @Valid List<ContactForm> contacts,
      @Valid List<ServiceForm> services) {

    DetailsForm {
      contacts = contacts == null ? List.of() : contacts;
      services = services == null ? List.of() : services;
    }

    static DetailsForm of(Organisation o) {
      List<ContactForm> contacts = new ArrayList<>();
      o.contactsInOrder()
          .forEach(c -> contacts.add(new ContactForm(c.label(), c.email(), c.phone())));
      List<ServiceForm> services = new ArrayList<>();
      o.servicesInOrder()
          .forEach(s -> services.add(new ServiceForm(s.sectorId(), s.nameJa(), s.nameEn())));
      for (int i = 0; i < BLANK_ROWS; i++) {
        contacts.add(new ContactForm("", "", ""));
        services.add(new ServiceForm(o.sector() == null ? null : o.sector().value(), "", ""));
      }
      return new DetailsForm(
          o.name().ja(),
          o.name().en(),
          o.prefecture(),
          o.website(),
          o.employees(),
          o.capitalYen(),
          o.explicitSizeClass(),
          contacts,
          services);
    }

    OrganisationAdministration.Details details() {
      return new OrganisationAdministration.Details(
          new LocalizedText(nameJa, nameEn),
          prefecture,
          website,
          employees,
          capitalYen,
          sizeClass,
          contacts.stream()
              .map(
                  c ->
                      new OrganisationAdministration.ContactLine(
                          c.label() == null ? "" : c.label(), c.email(), c.phone()))
              .toList(),
          services.stream()
              .filter(s -> s.nameJa() != null && !s.nameJa().isBlank())
              .map(
                  s ->
                      new OrganisationAdministration.ServiceLine(
                          s.sector() == null ? new UUID(0, 0) : s.sector(),
                          s.nameJa(),
                          s.nameEn() == null ? "" : s.nameEn()))
              .toList());
    }
  }

  record ClassificationForm(
      @NotEmpty Set<OrganisationKind> kinds,
      @Nullable UUID sector,
      boolean active,
      Set<UUID> ceptoars) {

    ClassificationForm {
      kinds = kinds == null ? Set.of() : kinds;
      ceptoars = ceptoars == null ? Set.of() : ceptoars;
    }

    static ClassificationForm of(Organisation o) {
      Set<UUID> ceptoars = new HashSet<>();
      o.ceptoarIds().forEach(c -> ceptoars.add(c.value()));
      return new ClassificationForm(
          o.kinds(), o.sector() == null ? null : o.sector().value(), o.active(), ceptoars);
    }
  }

  record AddPersonForm(
      @NotBlank @Email @Size(max = 200) String email,
      @NotBlank @Size(max = 100) String displayName,
      @Size(max = 100) String jobTitle,
      Set<String> roles) {

    AddPersonForm {
      jobTitle = jobTitle == null ? "" : jobTitle;
      roles = roles == null ? Set.of() : roles;
    }
  }
}
