package org.mamori.exchange.internal.web;

import org.mamori.access.AccessPolicy;
import org.mamori.exchange.internal.mapping.StixMapping;
import org.mamori.shared.Actor;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedReport;
import org.mamori.sharing.ItemExport;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report or an advisory as a STIX 2.1 bundle for one reader, under the same access decision as
 * its page: nothing for a reader who may not read the item, and of a report only the versions the
 * reader may read. A sanitised release is exported as it was released, its reporter anonymised; the
 * report it came from is never named in it.
 */
@Component
class StixDownloads {

  private final ItemExport items;
  private final AccessPolicy access;
  private final StixMapping mapping;

  StixDownloads(ItemExport items, AccessPolicy access, JsonMapper json) {
    this.items = items;
    this.access = access;
    this.mapping = new StixMapping(json);
  }

  /**
   * @throws ResponseStatusException 404 when there is no such released report
   * @throws AccessDeniedException when the reader may read neither it nor any of its versions
   */
  ObjectNode report(String reference, Actor reader) {
    ExportedReport report =
        items
            .report(reference)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    AccessPolicy.Reader tlp = access.readerFor(reader);
    if (!tlp.mayRead(report.disclosure())) {
      throw new AccessDeniedException("may not read " + reference);
    }
    ExportedReport readable = report.onlyVersions(v -> tlp.mayRead(report.disclosureOf(v)));
    if (readable.versions().isEmpty()) {
      throw new AccessDeniedException("may read no version of " + reference);
    }
    return mapping.bundle(mapping.report(readable));
  }

  /**
   * @throws ResponseStatusException 404 when there is no such advisory
   * @throws AccessDeniedException when the reader may not read it
   */
  ObjectNode advisory(String reference, Actor reader) {
    ExportedAdvisory advisory =
        items
            .advisory(reference)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!access.mayRead(reader, advisory.disclosure())) {
      throw new AccessDeniedException("may not read " + reference);
    }
    return mapping.bundle(mapping.advisory(advisory));
  }
}
