package org.mamori.sharing.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The sanitised advisories made from a report, for the report page ({@code ${sanitisedReleases}}):
 * only those the reader may read. Kept beside the report controller so reports need not know about
 * advisories.
 */
@ControllerAdvice(assignableTypes = ReportController.class)
class SanitisedReleases {

  private final Reports reports;
  private final Advisories advisories;
  private final AccessPolicy access;

  SanitisedReleases(Reports reports, Advisories advisories, AccessPolicy access) {
    this.reports = reports;
    this.advisories = advisories;
    this.access = access;
  }

  /** A sanitised advisory made from the report. */
  record Release(String reference, String title, Tlp tlp, Instant issuedAt) {}

  @ModelAttribute("sanitisedReleases")
  List<Release> madeFrom(
      @PathVariable(required = false) @Nullable String reference,
      HttpServletRequest request,
      Actor reader) {
    if (reference == null || !"GET".equals(request.getMethod())) {
      return List.of();
    }
    return reports
        .findByReference(reference)
        .map(
            report -> {
              AccessPolicy.Reader tlp = access.readerFor(reader);
              return advisories.findBySourceReport(report.id()).stream()
                  .filter(advisory -> tlp.mayRead(advisory.disclosure()))
                  .map(
                      advisory ->
                          new Release(
                              advisory.reference(),
                              advisory.title(),
                              advisory.tlp(),
                              advisory.issuedAt()))
                  .toList();
            })
        .orElse(List.of());
  }
}
