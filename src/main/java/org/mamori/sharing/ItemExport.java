package org.mamori.sharing;

import java.util.List;
import java.util.Optional;

/**
 * Everything Mamori knows of a report or an advisory, for the exchange module to write as STIX 2.1
 * (and to read back).
 *
 * <p><b>No access decision is made here.</b> Each record carries the item's current {@link
 * org.mamori.access.Disclosure}; the caller must pass the item on only to a reader for whom {@code
 * AccessPolicy.mayRead(reader, disclosure)} holds, and, for a report, each version only where
 * {@link ExportedReport#disclosureOf(ExportedReportVersion)} may be read too. Nothing here names a
 * person: people do not travel in exports.
 */
public interface ItemExport {

  /** A report with its released versions; empty when there is no such report or none released. */
  Optional<ExportedReport> report(String reference);

  /** An issued advisory; empty when there is no such advisory. */
  Optional<ExportedAdvisory> advisory(String reference);

  /** The reference of every report with a released version, oldest first. */
  List<String> reportReferences();

  /** The reference of every advisory, oldest first. */
  List<String> advisoryReferences();
}
