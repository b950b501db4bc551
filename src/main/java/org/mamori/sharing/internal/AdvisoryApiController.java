package org.mamori.sharing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Advisories for organisations' own tools: read what reached us and acknowledge receipt, with a
 * personal API token. The same TLP decision, the same checks and the same audit trail as the pages.
 */
@RestController
@RequestMapping(path = "/api/advisories", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Advisories", description = "Advisories (情報提供) and acknowledgements of receipt (受領確認)")
class AdvisoryApiController {

  private final Advisories advisories;
  private final AdvisoryIssuing issuing;
  private final AdvisoryViews views;
  private final AdvisoryPages pages;
  private final MessageSource messages;

  AdvisoryApiController(
      Advisories advisories,
      AdvisoryIssuing issuing,
      AdvisoryViews views,
      AdvisoryPages pages,
      MessageSource messages) {
    this.advisories = advisories;
    this.issuing = issuing;
    this.views = views;
    this.pages = pages;
    this.messages = messages;
  }

  @Schema(description = "An advisory in a list")
  record AdvisorySummary(
      String reference,
      String title,
      Tlp tlp,
      String issuerJa,
      String issuerEn,
      Instant issuedAt,
      @Schema(description = "when receipt must be acknowledged by; absent when none is asked")
          @Nullable Instant acknowledgeBy,
      @Schema(description = "made from a report, with the reporter anonymised") boolean sanitised,
      @Schema(description = "it reached the token's organisation") boolean received,
      @Schema(description = "the token's organisation has still to acknowledge receipt")
          boolean awaitingOurAcknowledgement) {}

  @GetMapping
  @Operation(
      summary = "Advisories the token's organisation may read",
      description = "box: RECEIVED (reached us), ISSUED (ours) or ALL; 50 a page, newest first")
  List<AdvisorySummary> list(
      @RequestParam(defaultValue = "RECEIVED") AdvisoryViews.Box box,
      @RequestParam(defaultValue = "0") int page,
      Actor actor) {
    return views.list(actor, box, Math.max(0, page) * 50, 50).stream()
        .map(
            a ->
                new AdvisorySummary(
                    a.reference(),
                    a.title(),
                    a.tlp(),
                    a.issuer().ja(),
                    a.issuer().en(),
                    a.issuedAt(),
                    a.acknowledgeBy(),
                    a.sanitised(),
                    a.received(),
                    a.awaitingOurAcknowledgement()))
        .toList();
  }

  @GetMapping("/{reference}")
  @Operation(
      summary = "An advisory",
      description =
          "Its content; for the issuer and recipients also its audience and how it travelled; for"
              + " the issuer who has acknowledged")
  AdvisoryPage read(@PathVariable String reference, Actor actor, Locale locale) {
    return page(reference, actor, locale);
  }

  @PostMapping("/{reference}/acknowledgement")
  @Operation(summary = "Acknowledge receipt for the token's organisation")
  @ApiResponse(
      responseCode = "200",
      description = "acknowledged; the advisory as the reader sees it")
  @ApiResponse(
      responseCode = "422",
      description = "refused: no acknowledgement asked, not a recipient, or already acknowledged")
  AdvisoryPage acknowledge(@PathVariable String reference, Actor actor, Locale locale) {
    issuing.acknowledge(actor, advisory(reference).id());
    return page(reference, actor, locale);
  }

  @ExceptionHandler(SharingRuleViolation.class)
  ResponseEntity<ProblemDetail> refused(SharingRuleViolation rule, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            messages.getMessage(rule.messageKey(), rule.arguments(), rule.messageKey(), locale));
    problem.setProperty("code", rule.messageKey());
    return ResponseEntity.unprocessableContent().body(problem);
  }

  private AdvisoryPage page(String reference, Actor actor, Locale locale) {
    Advisory advisory = advisory(reference);
    return pages
        .page(advisory, actor, locale)
        .orElseThrow(() -> new AccessDeniedException("may not read " + reference));
  }

  private Advisory advisory(String reference) {
    return advisories
        .findByReference(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
