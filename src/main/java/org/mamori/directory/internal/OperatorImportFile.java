package org.mamori.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OperatorImport;

/**
 * An operator CSV file read into rows, each knowing the line of the file it starts on (a quoted
 * value may span lines). Checks only the file as a whole: its headings and its size.
 *
 * @param headings where each known column is, and the heading as the file writes it
 * @param ignoredHeadings headings no column answers to, as written
 */
record OperatorImportFile(
    Map<OperatorImportColumn, Heading> headings, List<String> ignoredHeadings, List<Row> rows) {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  record Heading(int index, String written) {}

  /**
   * One data row.
   *
   * @param extraValues the row has values beyond the last heading
   */
  record Row(int lineNumber, Map<OperatorImportColumn, String> values, boolean extraValues) {

    /** The stripped value, or "" when blank or when the file has no such column. */
    String get(OperatorImportColumn column) {
      return values.getOrDefault(column, "");
    }
  }

  boolean has(OperatorImportColumn column) {
    return headings.containsKey(column);
  }

  /** The heading of a column as the file writes it (for messages about that column). */
  String written(OperatorImportColumn column) {
    Heading heading = headings.get(column);
    return heading == null ? column.japanese() : heading.written();
  }

  /**
   * @throws DirectoryRuleViolation when the file is not CSV, lacks a required heading, repeats one,
   *     has no rows or more than {@link OperatorImport#MAX_ROWS}
   */
  static OperatorImportFile parse(String text) {
    List<CSVRecord> records = records(text);
    LineIndex lines = new LineIndex(text);
    int first = firstNonBlank(records);
    if (first < 0) {
      throw new DirectoryRuleViolation("import.file.empty");
    }
    Map<OperatorImportColumn, Heading> headings = new EnumMap<>(OperatorImportColumn.class);
    List<String> ignored = new ArrayList<>();
    CSVRecord headingRecord = records.get(first);
    for (int i = 0; i < headingRecord.size(); i++) {
      String written = headingRecord.get(i).strip();
      if (written.isEmpty()) {
        continue;
      }
      Optional<OperatorImportColumn> column = OperatorImportColumn.byHeading(written);
      if (column.isEmpty()) {
        ignored.add(written);
      } else if (headings.containsKey(column.get())) {
        throw new DirectoryRuleViolation("import.file.repeatedHeading", written);
      } else {
        headings.put(column.get(), new Heading(i, written));
      }
    }
    List<String> missing =
        Arrays.stream(OperatorImportColumn.values())
            .filter(c -> c.required() && !headings.containsKey(c))
            .map(OperatorImportColumn::bothHeadings)
            .toList();
    if (!missing.isEmpty()) {
      throw new DirectoryRuleViolation(
          headings.isEmpty() ? "import.file.noHeadings" : "import.file.missingHeadings",
          String.join("、", missing));
    }
    int lastHeading = headings.values().stream().mapToInt(Heading::index).max().orElse(-1);
    int lastWritten = lastWrittenIndex(headingRecord);
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : records.subList(first + 1, records.size())) {
      if (isBlank(record)) {
        continue;
      }
      Map<OperatorImportColumn, String> values = new EnumMap<>(OperatorImportColumn.class);
      headings.forEach(
          (column, heading) ->
              values.put(
                  column,
                  heading.index() < record.size() ? record.get(heading.index()).strip() : ""));
      boolean extra = false;
      for (int i = Math.max(lastHeading, lastWritten) + 1; i < record.size(); i++) {
        extra |= !record.get(i).isBlank();
      }
      rows.add(new Row(lines.lineAt(record.getCharacterPosition()), values, extra));
    }
    if (rows.isEmpty()) {
      throw new DirectoryRuleViolation("import.file.noRows");
    }
    if (rows.size() > OperatorImport.MAX_ROWS) {
      throw new DirectoryRuleViolation(
          "import.file.tooManyRows",
          String.format("%,d", rows.size()),
          String.format("%,d", OperatorImport.MAX_ROWS));
    }
    return new OperatorImportFile(headings, List.copyOf(ignored), List.copyOf(rows));
  }

  private static List<CSVRecord> records(String text) {
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> records = new ArrayList<>();
      try {
        parser.forEach(records::add);
      } catch (UncheckedIOException | IllegalStateException e) {
        throw new DirectoryRuleViolation(
            "import.file.malformed", lineAfter(records, new LineIndex(text)));
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line where the record after the last readable one starts: the unreadable one. */
  private static int lineAfter(List<CSVRecord> readable, LineIndex lines) {
    if (readable.isEmpty()) {
      return 1;
    }
    CSVRecord last = readable.get(readable.size() - 1);
    long breaksInside =
        Arrays.stream(last.values()).mapToLong(v -> v.chars().filter(c -> c == '\n').count()).sum();
    return lines.lineAt(last.getCharacterPosition()) + (int) breaksInside + 1;
  }

  private static int firstNonBlank(List<CSVRecord> records) {
    for (int i = 0; i < records.size(); i++) {
      if (!isBlank(records.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(CSVRecord record) {
    return Arrays.stream(record.values()).allMatch(String::isBlank);
  }

  private static int lastWrittenIndex(CSVRecord record) {
    for (int i = record.size() - 1; i >= 0; i--) {
      if (!record.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  /** Turns a character position into the number of the line it is on (the first line is 1). */
  private static final class LineIndex {

    private final List<Integer> starts = new ArrayList<>();

    LineIndex(String text) {
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
        if (c == '\n' || (c == '\r' && !crlf)) {
          starts.add(i + 1);
        }
      }
    }

    int lineAt(long position) {
      int low = 0;
      int high = starts.size() - 1;
      while (low < high) {
        int middle = (low + high + 1) >>> 1;
        if (starts.get(middle) <= position) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low + 1;
    }
  }
}
