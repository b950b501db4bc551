package org.mamori.directory.internal;

import java.util.List;
import java.util.Set;
import org.mamori.directory.Capability;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.LocalizedText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What each role may do and where it may be held, in plain words, for everyone. */
@Controller
class RoleController {

  private final Roles roles;

  RoleController(Roles roles) {
    this.roles = roles;
  }

  @GetMapping("/directory/roles")
  String roles(Model model) {
    model.addAttribute(
        "roles",
        roles.findAllInOrder().stream()
            .map(
                r ->
                    new RoleRow(
                        r.code(),
                        new LocalizedText(r.nameJa(), r.nameEn()),
                        r.descriptionJa(),
                        r.descriptionEn(),
                        r.capabilities().stream().sorted().toList(),
                        r.allowedKinds().stream().sorted().toList()))
            .toList());
    model.addAttribute("capabilities", Capability.values());
    return "directory/roles";
  }

  record RoleRow(
      String code,
      LocalizedText name,
      String descriptionJa,
      String descriptionEn,
      List<Capability> capabilities,
      List<OrganisationKind> allowedKinds) {

    public String description(java.util.Locale locale) {
      return DirectoryViews.pick(locale, descriptionJa, descriptionEn);
    }

    public boolean grants(Capability capability) {
      return Set.copyOf(capabilities).contains(capability);
    }
  }
}
