package org.mamori.sharing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports for operators' own tools: file, follow up, read and pass on, with a personal API token.
 * The same rules as the pages: the same TLP decision, the same checks, the same audit trail.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "Reports of failures and attacks (情報連絡)")
class ReportApiController {

  private final Reports reports;
  private final ReportFiling filing;
  private final ReportViews views;
  private final ReportPages pages;
  private final MessageSource messages;

  ReportApiController(
      Reports reports,
      ReportFiling filing,
      ReportViews views,
      ReportPages pages,
      MessageSource messages) {
    this.reports = reports;
    this.filing = filing;
    this.views = views;
    this.pages = pages;
    this.messages = messages;
  }

  @Schema(description = "A report version as a program writes it; times are ISO 8601 with offset")
  record ReportRequest(
      @Schema(description = "FIRST for a new report; FOLLOW_UP or FINAL for a later version")
          @NotNull
          ReportStage stage,
      @Schema(description = "what happened, in a few words")
          @NotBlank
          @Size(max = 500)
          @Pattern(regexp = ReportForm.NO_NUL)
          String summary,
      @NotNull Instant occurredAt,
      @NotNull Instant detectedAt,
      @Schema(description = "an event type code, such as unavailable or malware")
          @NotBlank
          @Pattern(regexp = ReportForm.NO_NUL)
          String eventType,
      @Schema(description = "an impact code, such as stopped or degraded")
          @NotBlank
          @Pattern(regexp = ReportForm.NO_NUL)
          String impact,
      @Schema(description = "cause codes, such as suspicious-email or unknown")
          @Nullable List<@Pattern(regexp = ReportForm.NO_NUL) String> causes,
      @Pattern(regexp = ReportForm.NO_NUL) @Nullable String service,
      ReportContent.@Nullable Answer otherSectorsAffected,
      ReportContent.@Nullable Verification verificationLevel,
      ReportContent.@Nullable Response responseStatus,
      @Size(max = 20_000) @Pattern(regexp = ReportForm.NO_NUL) @Nullable String details,
      @Schema(description = "indicators, one per line")
          @Size(max = 20_000)
          @Pattern(regexp = ReportForm.NO_NUL)
          @Nullable String indicators,
      @NotNull Tlp tlp,
      @Schema(description = "also tell the national hub directly (first reports only)")
          boolean emergency,
      @Schema(description = "for TLP:RED, the e-mail addresses of the people who may read it")
          @Nullable List<@Pattern(regexp = ReportForm.NO_NUL) String> redRecipients) {

    ReportContent content() {
      return new ReportContent(
          stage,
          summary,
          occurredAt,
          detectedAt,
          eventType,
          impact,
          causes == null ? List.of() : causes,
          service == null ? "" : service,
          otherSectorsAffected == null ? ReportContent.Answer.UNKNOWN : otherSectorsAffected,
          verificationLevel == null ? ReportContent.Verification.UNKNOWN : verificationLevel,
          responseStatus == null ? ReportContent.Response.INVESTIGATING : responseStatus,
          details == null ? "" : details,
          indicators == null ? "" : indicators,
          tlp);
    }
  }

  @Schema(description = "A report in a list")
  record ReportSummary(
      String reference,
      String summary,
      ReportStage stage,
      Tlp tlp,
      boolean emergency,
      String originatorJa,
      String originatorEn,
      @Nullable Instant submittedAt,
      @Schema(
              description =
                  "our own open reports only: the next report due (null once the final report is in)")
          ReportingClock.@Nullable NextDue nextDue) {}

  @GetMapping
  @Operation(
      summary = "Reports the token's organisation may read",
      description = "box: RECEIVED (reached us), OURS (ours) or ALL; 50 a page, newest first")
  List<ReportSummary> list(
      @RequestParam(defaultValue = "ALL") ReportViews.Box box,
      @RequestParam(defaultValue = "0") int page,
      Actor actor) {
    return views.list(actor, box, Math.max(0, page) * 50, 50).stream()
        .map(
            r ->
                new ReportSummary(
                    r.reference(),
                    r.summary(),
                    r.stage(),
                    r.tlp(),
                    r.emergency(),
                    r.originator().ja(),
                    r.originator().en(),
                    r.submittedAt(),
                    r.nextDue()))
        .toList();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "File a first report")
  @ApiResponse(responseCode = "201", description = "filed; Location names the report")
  @ApiResponse(responseCode = "422", description = "refused, with the reasons (RFC 9457)")
  ResponseEntity<ReportPage> file(@Valid @RequestBody ReportRequest request, Actor actor) {
    Report report =
        filing.fileFirst(
            actor,
            request.content(),
            request.emergency(),
            request.redRecipients() == null ? List.of() : request.redRecipients());
    return ResponseEntity.created(URI.create("/api/reports/" + report.reference()))
        .body(page(report.reference(), actor));
  }

  @GetMapping("/{reference}")
  @Operation(summary = "A report: its versions the reader may read, and its route so far")
  ReportPage read(@PathVariable String reference, Actor actor) {
    return page(reference, actor);
  }

  @PostMapping(path = "/{reference}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Add a follow-up or the final report to one of our reports")
  @ResponseStatus(HttpStatus.CREATED)
  ReportPage addVersion(
      @PathVariable String reference, @Valid @RequestBody ReportRequest request, Actor actor) {
    filing.addVersion(actor, report(reference).id(), request.content());
    return page(reference, actor);
  }

  @PostMapping("/{reference}/forward")
  @Operation(summary = "Pass a report that reached us on along the sharing map")
  ReportPage forward(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String assessment,
      Actor actor) {
    filing.forward(actor, report(reference).id(), assessment);
    return page(reference, actor);
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

  @ExceptionHandler({MethodArgumentNotValidException.class, BindException.class})
  ResponseEntity<ProblemDetail> invalid(BindException invalid, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            messages.getMessage("api.invalid", null, "invalid", locale));
    problem.setProperty(
        "errors",
        invalid.getFieldErrors().stream()
            .map(
                e ->
                    java.util.Map.of(
                        "field", e.getField(), "message", messages.getMessage(e, locale)))
            .toList());
    return ResponseEntity.unprocessableContent().body(problem);
  }

  private ReportPage page(String reference, Actor actor) {
    return pages
        .page(report(reference), actor)
        .orElseThrow(() -> new AccessDeniedException("may not read " + reference));
  }

  private Report report(String reference) {
    return reports
        .findByReference(reference)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
