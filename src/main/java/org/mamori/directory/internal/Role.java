package org.mamori.directory.internal;

import java.util.Locale;
import java.util.Set;
import org.mamori.directory.Capability;
import org.mamori.directory.OrganisationKind;
import org.springframework.data.annotation.Id;

/** A named bundle of capabilities, which may be held only in organisations of certain kinds. */
record Role(
    @Id String code,
    String nameJa,
    String nameEn,
    String descriptionJa,
    String descriptionEn,
    Set<Capability> capabilities,
    Set<OrganisationKind> allowedKinds,
    int displayOrder) {

  boolean allowedIn(Set<OrganisationKind> kinds) {
    return kinds.stream().anyMatch(allowedKinds::contains);
  }

  String name(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
  }

  String description(Locale locale) {
    return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionJa;
  }
}
