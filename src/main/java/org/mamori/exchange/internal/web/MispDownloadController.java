package org.mamori.exchange.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mamori.exchange.internal.misp.MispExport;
import org.mamori.shared.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * "MISP (JSON)" downloads of a report or an advisory, from its page and for tools: the item's STIX
 * 2.1 download, under the very same access decision, written as one MISP event.
 */
@RestController
@Tag(name = "MISP", description = "Import MISP events; reports and advisories as MISP events")
class MispDownloadController {

  private final StixDownloads downloads;
  private final MispExport export;
  private final JsonMapper json;

  MispDownloadController(StixDownloads downloads, MispExport export, JsonMapper json) {
    this.downloads = downloads;
    this.export = export;
    this.json = json;
  }

  @GetMapping({"/reports/{reference}/misp", "/api/reports/{reference}/misp"})
  @Operation(
      summary = "A report as a MISP event",
      description =
          "The newest version the reader may read; its indicators as attributes, its marking as"
              + " the tlp tag")
  ResponseEntity<byte[]> report(@PathVariable String reference, Actor reader) {
    return attachment(reference, downloads.report(reference, reader));
  }

  @GetMapping({"/advisories/{reference}/misp", "/api/advisories/{reference}/misp"})
  @Operation(summary = "An advisory as a MISP event")
  ResponseEntity<byte[]> advisory(@PathVariable String reference, Actor reader) {
    return attachment(reference, downloads.advisory(reference, reader));
  }

  private ResponseEntity<byte[]> attachment(String reference, ObjectNode bundle) {
    ObjectNode event = export.export(newestVersions(bundle)).event();
    return Attachments.of(
        "mamori-" + reference + ".misp.json",
        MediaType.APPLICATION_JSON,
        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(event));
  }

  /**
   * A MISP event holds one state of each thing, so of every object the newest version in the
   * bundle: the item as the reader last may read it. (STIX timestamps of one writer compare as
   * text.)
   */
  private static List<JsonNode> newestVersions(ObjectNode bundle) {
    Map<String, JsonNode> newest = new LinkedHashMap<>();
    for (JsonNode object : bundle.path("objects")) {
      newest.merge(
          object.path("id").asString(),
          object,
          (kept, other) ->
              other.path("modified").asString("").compareTo(kept.path("modified").asString("")) > 0
                  ? other
                  : kept);
    }
    return List.copyOf(newest.values());
  }
}
