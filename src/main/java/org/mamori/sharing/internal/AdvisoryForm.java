package org.mamori.sharing.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.springframework.validation.Errors;

/**
 * The advisory form exactly as typed, so a refused form keeps every character. The deadline is
 * Japan time, as the browser's date-time field gives it ({@code 2026-11-30T17:00}); named
 * organisations are one per line, by code or name.
 *
 * @param sectors ids of the sectors whose operators the advisory is for
 * @param kinds names of the kinds of organisation it is for
 * @param sourceReport for a sanitised release, the reference of the report it is made from
 */
record AdvisoryForm(
    @NotBlank @Size(max = 200) @Nullable String title,
    @NotBlank @Size(max = 20_000) @Nullable String body,
    @Size(max = 20_000) @Nullable String indicators,
    @NotBlank @Nullable String tlp,
    @Nullable Boolean everyone,
    @Nullable List<String> sectors,
    @Nullable List<String> kinds,
    @Size(max = 5_000) @Nullable String organisations,
    @Nullable String acknowledgeBy,
    @Size(max = 2_000) @Nullable String redRecipients,
    @Nullable String sourceReport) {

  static AdvisoryForm blank() {
    return new AdvisoryForm(
        "", "", "", Tlp.AMBER.name(), false, List.of(), List.of(), "", "", "", "");
  }

  /**
   * The content, if every field reads; otherwise records why in {@code errors} (field by field) and
   * returns null.
   *
   * @param named finds the organisations named one per line, throwing {@link AdvisoryRuleViolation}
   *     for names it does not know
   */
  @Nullable AdvisoryContent content(Errors errors, Function<String, Set<OrganisationId>> named) {
    Tlp marking = Tlp.AMBER;
    if (tlp != null && !tlp.isBlank()) {
      try {
        marking = Tlp.valueOf(tlp.strip());
      } catch (IllegalArgumentException unknown) {
        errors.rejectValue("tlp", "advisory.choice.unknown");
      }
    }
    Set<SectorId> chosenSectors = new HashSet<>();
    for (String sector : sectors == null ? List.<String>of() : sectors) {
      try {
        chosenSectors.add(SectorId.of(sector.strip()));
      } catch (IllegalArgumentException unknown) {
        errors.rejectValue("sectors", "advisory.choice.unknown");
      }
    }
    Set<OrganisationKind> chosenKinds = EnumSet.noneOf(OrganisationKind.class);
    for (String kind : kinds == null ? List.<String>of() : kinds) {
      try {
        chosenKinds.add(OrganisationKind.valueOf(kind.strip()));
      } catch (IllegalArgumentException unknown) {
        errors.rejectValue("kinds", "advisory.choice.unknown");
      }
    }
    Set<OrganisationId> chosenOrganisations = Set.of();
    if (organisations != null && !organisations.isBlank()) {
      try {
        chosenOrganisations = named.apply(organisations);
      } catch (AdvisoryRuleViolation unknown) {
        unknown.rejectIn(errors);
      }
    }
    Instant deadline = deadline(errors);
    if (errors.hasErrors()) {
      return null;
    }
    return new AdvisoryContent(
        text(title),
        text(body),
        text(indicators),
        marking,
        new AdvisoryAudience(
            Boolean.TRUE.equals(everyone), chosenSectors, chosenKinds, chosenOrganisations),
        deadline,
        redRecipients == null
            ? List.of()
            : Arrays.stream(redRecipients.split("[,、\\s]+")).filter(e -> !e.isBlank()).toList(),
        sourceReport == null || sourceReport.isBlank() ? null : sourceReport.strip());
  }

  boolean sanitised() {
    return sourceReport != null && !sourceReport.isBlank();
  }

  private @Nullable Instant deadline(Errors errors) {
    if (acknowledgeBy == null || acknowledgeBy.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(acknowledgeBy.strip(), ReportForm.FIELD)
          .atZone(ReportForm.JAPAN)
          .toInstant();
    } catch (DateTimeParseException malformed) {
      errors.rejectValue("acknowledgeBy", "advisory.deadline.malformed");
      return null;
    }
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
