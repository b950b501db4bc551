package org.mamori.exchange.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mamori.shared.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * "STIX 2.1 (JSON)" downloads of a report or an advisory, from its page (signed in) and for tools
 * (API token): the same bundle, the same access decision.
 */
@RestController
@Tag(name = "STIX 2.1", description = "Reports and advisories as STIX 2.1 bundles")
class StixDownloadController {

  /** The STIX 2.1 media type (section 1.5 of the specification). */
  static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");

  private final StixDownloads downloads;
  private final JsonMapper json;

  StixDownloadController(StixDownloads downloads, JsonMapper json) {
    this.downloads = downloads;
    this.json = json;
  }

  @GetMapping({"/reports/{reference}/stix", "/api/reports/{reference}/stix"})
  @Operation(
      summary = "A report as a STIX 2.1 bundle",
      description = "Every version the reader may read as a version of one incident and report")
  ResponseEntity<byte[]> report(@PathVariable String reference, Actor reader) {
    return attachment(reference, downloads.report(reference, reader));
  }

  @GetMapping({"/advisories/{reference}/stix", "/api/advisories/{reference}/stix"})
  @Operation(summary = "An advisory as a STIX 2.1 bundle")
  ResponseEntity<byte[]> advisory(@PathVariable String reference, Actor reader) {
    return attachment(reference, downloads.advisory(reference, reader));
  }

  private ResponseEntity<byte[]> attachment(String reference, ObjectNode bundle) {
    return Attachments.of(
        "mamori-" + reference + ".stix.json",
        STIX,
        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle));
  }
}
