package org.mamori.exchange.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mamori.exchange.internal.misp.MispFormatException;
import org.mamori.exchange.internal.misp.MispProblem;
import org.mamori.exchange.internal.misp.MispReason;
import org.mamori.exchange.internal.misp.MispUpload;
import org.mamori.exchange.internal.taxii.CollectionIntake;
import org.mamori.exchange.internal.taxii.CollectionIntake.Outcome;
import org.mamori.exchange.internal.taxii.CollectionIntake.Target;
import org.mamori.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * MISP import for tools: one MISP event posted as JSON goes into a TAXII collection exactly as the
 * import page would put it there.
 */
@RestController
@Tag(name = "MISP", description = "Import MISP events; reports and advisories as MISP events")
class MispApiController {

  private final CollectionIntake intake;
  private final MispUpload upload;
  private final MessageSource messages;

  MispApiController(CollectionIntake intake, MispUpload upload, MessageSource messages) {
    this.intake = intake;
    this.upload = upload;
    this.messages = messages;
  }

  @Schema(description = "An object that was not stored")
  record Refusal(String id, @Schema(description = "why, in plain words") String reason) {}

  @Schema(description = "What became of a MISP event's objects")
  record ImportReply(
      @Schema(description = "the request's TAXII status id") UUID status,
      @Schema(description = "the TAXII status resource, readable with the same token")
          String statusUrl,
      UUID collection,
      @Schema(description = "objects the event became") int total,
      @Schema(description = "objects stored now") int stored,
      @Schema(description = "objects the collection held already (the same version)")
          int alreadyThere,
      @Schema(description = "objects the STIX check refused; nothing of them was stored")
          List<Refusal> refused,
      @Schema(description = "MISP attributes and objects that could not be mapped to STIX")
          List<MispProblemText> problems) {}

  @PostMapping(
      path = "/api/exchange/misp",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Import one MISP event into a TAXII collection",
      description =
          "The event as MISP's REST API or a feed writes it ({\"Event\": {...}}). Its objects are"
              + " checked and stored as a TAXII POST would store them; an object without a TLP"
              + " tag gets the collection's default marking.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(type = "object"))))
  @ApiResponse(responseCode = "200", description = "The event was imported, as far as it could be")
  @ApiResponse(responseCode = "404", description = "No collection you may add to has that id")
  @ApiResponse(responseCode = "413", description = "The event is larger than the upload limit")
  @ApiResponse(responseCode = "422", description = "This is not a MISP event; nothing was stored")
  ImportReply importEvent(
      @Parameter(description = "the collection's id or alias") @RequestParam String collection,
      Actor actor,
      HttpServletRequest request,
      Locale locale)
      throws IOException {
    Target target =
        intake.writable(actor, collection).orElseThrow(() -> new NoCollection(collection));
    MispUpload.Result read = upload.read(List.of(new MispUpload.File("event.json", body(request))));
    if (read.events() == 0) {
      throw new NothingImported(read.problems());
    }
    Outcome outcome = intake.add(actor, target.id(), read.objects());
    return new ImportReply(
        outcome.status(),
        "/taxii2/mamori/status/" + outcome.status() + "/",
        target.id(),
        outcome.total(),
        outcome.stored(),
        outcome.alreadyThere(),
        outcome.refused().stream().map(r -> new Refusal(r.objectId(), r.reason())).toList(),
        MispProblemText.of(read.problems(), messages, locale));
  }

  /** The body, refused as too large once it passes the limit, whatever Content-Length said. */
  private static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MispUpload.MAX_BYTES) {
      throw MispUpload.tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) MispUpload.MAX_BYTES + 1);
      if (body.length > MispUpload.MAX_BYTES) {
        throw MispUpload.tooLarge();
      }
      return body;
    }
  }

  /** No collection the caller may add to has this id or alias. */
  static final class NoCollection extends RuntimeException {
    private final String collection;

    NoCollection(String collection) {
      super("no writable collection " + collection);
      this.collection = collection;
    }
  }

  /** Not one event of the upload could be read. */
  static final class NothingImported extends RuntimeException {
    private final transient List<MispProblem> problems;

    NothingImported(List<MispProblem> problems) {
      super("nothing imported");
      this.problems = List.copyOf(problems);
    }
  }

  @ExceptionHandler(NoCollection.class)
  ResponseEntity<ProblemDetail> noCollection(NoCollection missing, Locale locale) {
    return problem(
        HttpStatus.NOT_FOUND,
        messages.getMessage(
            "mispimport.api.noCollection", new Object[] {missing.collection}, locale),
        List.of());
  }

  @ExceptionHandler(MispFormatException.class)
  ResponseEntity<ProblemDetail> unreadable(MispFormatException unreadable, Locale locale) {
    HttpStatus status =
        unreadable.problem().reason() == MispReason.UPLOAD_TOO_LARGE
            ? HttpStatus.CONTENT_TOO_LARGE
            : HttpStatus.UNPROCESSABLE_CONTENT;
    return nothingImported(status, List.of(unreadable.problem()), locale);
  }

  @ExceptionHandler(NothingImported.class)
  ResponseEntity<ProblemDetail> nothingImported(NothingImported nothing, Locale locale) {
    return nothingImported(HttpStatus.UNPROCESSABLE_CONTENT, nothing.problems, locale);
  }

  private ResponseEntity<ProblemDetail> nothingImported(
      HttpStatus status, List<MispProblem> problems, Locale locale) {
    return problem(
        status,
        messages.getMessage("mispimport.api.nothingImported", null, locale),
        MispProblemText.of(problems, messages, locale));
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, List<MispProblemText> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (!problems.isEmpty()) {
      problem.setProperty("problems", problems);
    }
    return ResponseEntity.status(status).body(problem);
  }
}
