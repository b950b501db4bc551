package org.mamori.sharing.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mamori.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * CSV of the reports a reader may read: only the latest version each may read, never more than the
 * list shows. UTF-8 with a byte-order mark so Excel reads the Japanese.
 */
@Component
class ReportExport {

  /** Rows fetched at a time; the whole export streams. */
  private static final int BATCH = 500;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Tokyo"));

  private final ReportViews views;

  ReportExport(ReportViews views) {
    this.views = views;
  }

  void write(Actor actor, ReportViews.Filter filter, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"mamori-reports.csv\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "reference",
                "reported_at",
                "originator",
                "sector",
                "stage",
                "tlp",
                "event_type",
                "summary",
                "emergency")
            .get()
            .print(writer);
    for (int offset = 0; ; offset += BATCH) {
      List<ReportViews.ReportRow> rows = views.list(actor, filter, offset, BATCH);
      for (ReportViews.ReportRow row : rows) {
        csv.printRecord(
            row.reference(),
            row.submittedAt() == null ? "" : TIME.format(row.submittedAt()),
            row.originator().ja(),
            row.sector() == null ? "" : row.sector().ja(),
            row.stage(),
            row.tlp().label(),
            row.eventType(),
            row.summary(),
            row.emergency());
      }
      if (rows.size() < BATCH) {
        break;
      }
    }
    csv.flush();
  }
}
