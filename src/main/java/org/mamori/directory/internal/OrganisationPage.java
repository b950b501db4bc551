package org.mamori.directory.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.SizeClass;
import org.mamori.shared.LocalizedText;

/**
 * What the organisation page shows. {@code details} is null when the reader may not see the
 * organisation's private details.
 */
record OrganisationPage(
    UUID id,
    String code,
    LocalizedText name,
    Set<OrganisationKind> kinds,
    @Nullable SectorRef sector,
    boolean active,
    @Nullable PrivateDetails details) {

  record SectorRef(String code, LocalizedText name) {}

  record PrivateDetails(
      @Nullable SizeClass sizeClass,
      boolean sizeClassExplicit,
      @Nullable Integer employees,
      @Nullable Long capitalYen,
      @Nullable String prefecture,
      @Nullable String website,
      List<ContactRow> contacts,
      List<ServiceRow> services,
      List<OrganisationRef> ceptoars,
      List<PersonRow> people) {}

  record ContactRow(String label, @Nullable String email, @Nullable String phone) {}

  record ServiceRow(LocalizedText name, LocalizedText sector) {}

  record OrganisationRef(String code, LocalizedText name) {}

  record PersonRow(
      UUID id, String displayName, String email, String jobTitle, List<RoleRef> roles) {}

  record RoleRef(String code, LocalizedText name) {}

  public boolean isOperator() {
    return kinds.contains(OrganisationKind.OPERATOR);
  }
}
