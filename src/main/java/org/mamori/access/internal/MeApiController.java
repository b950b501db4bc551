package org.mamori.access.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Tells a program whose token it holds: the person, the organisation, what it may do there. */
@RestController
@Tag(name = "Account", description = "The person and organisation a token acts for")
class MeApiController {

  private final Directory directory;

  MeApiController(Directory directory) {
    this.directory = directory;
  }

  @Schema(description = "The person a token belongs to and the organisation it acts for")
  record Me(
      @Schema(description = "the person's identifier") UUID personId,
      @Schema(description = "the person's name as Mamori shows it") String displayName,
      @Schema(description = "the person's e-mail address") String email,
      Organisation organisation,
      @Schema(
              description =
                  "what the person's roles allow in that organisation, such as REPORT or RELAY")
          List<String> capabilities,
      @Schema(
              description = "READ (GET only) or WRITE",
              allowableValues = {"READ", "WRITE"})
          String scope) {}

  @Schema(description = "The organisation the token acts for")
  record Organisation(
      UUID id,
      @Schema(description = "short code, such as ceptoar-electricity") String code,
      @Schema(description = "name in Japanese") String nameJa,
      @Schema(description = "name in English") String nameEn) {}

  @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Who this token acts as",
      description =
          "The person the token belongs to, the organisation it acts for and what the person's"
              + " roles allow there. Useful to check a token before using it.")
  @ApiResponse(responseCode = "200", description = "the token is valid")
  @ApiResponse(
      responseCode = "401",
      description = "no token, or an unknown, expired or revoked one (RFC 9457 problem)")
  Me me(Actor actor, Authentication authentication) {
    PersonSummary person =
        directory
            .person(actor.person())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    OrganisationSummary organisation =
        directory
            .organisation(actor.organisation())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    boolean readOnly =
        authentication.getAuthorities().stream()
            .anyMatch(a -> Authorities.READ_ONLY.equals(a.getAuthority()));
    return new Me(
        person.id().value(),
        person.displayName(),
        person.email(),
        new Organisation(
            organisation.id().value(),
            organisation.code(),
            organisation.name(Locale.JAPANESE),
            organisation.name(Locale.ENGLISH)),
        directory.capabilitiesOf(actor).stream().map(Enum::name).sorted().toList(),
        readOnly ? ApiTokens.Scope.READ.name() : ApiTokens.Scope.WRITE.name());
  }
}
