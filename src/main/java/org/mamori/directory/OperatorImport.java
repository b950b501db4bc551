package org.mamori.directory;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;

/**
 * Bulk import of operators from a CSV file, in two steps: {@link #check} stores the upload and says
 * what each line would do; {@link #importRows} then imports it in one transaction. Only platform
 * administrators may use it; an upload is seen and finished only by the person who sent it.
 */
public interface OperatorImport {

  /** The largest file accepted, in bytes (5 MB). */
  long MAX_BYTES = 5L * 1024 * 1024;

  /** The most data rows (lines below the headings) one file may have. */
  int MAX_ROWS = 10_000;

  /**
   * Stores the file and checks every row against today's directory; the directory itself does not
   * change.
   *
   * @throws DirectoryRuleViolation when the file as a whole cannot be used (too large, too many
   *     rows, unreadable, required columns missing); nothing is stored then
   * @throws org.springframework.security.access.AccessDeniedException unless {@code by} administers
   *     the platform
   */
  Check check(Actor by, String fileName, byte[] content, Encoding encoding);

  /**
   * The stored upload, checked again against today's directory. A completed upload has no lines.
   *
   * @throws DirectoryRuleViolation ({@code import.unknown}) when there is no such upload of {@code
   *     by}'s
   */
  Check review(Actor by, UUID upload);

  /**
   * Checks the upload again and imports it in one transaction: new operators are registered and
   * operators whose code exists are updated. Every organisation created or changed is audited, and
   * the import as a whole once more.
   *
   * @throws DirectoryRuleViolation when {@code scope} is {@link Scope#ALL} and any row has an
   *     error, when no row can be imported, or when the upload was already imported; nothing
   *     changes then
   */
  Result importRows(Actor by, UUID upload, Scope scope);

  /** Forgets an upload that was not imported. */
  void cancel(Actor by, UUID upload);

  /** How the uploaded bytes are turned into text. */
  enum Encoding {
    /** Strict UTF-8 (with or without a byte-order mark), else Windows-31J. */
    AUTOMATIC,
    UTF_8,
    /** Microsoft's Shift_JIS, as Excel writes it in Japan; keeps ㈱ and ①. */
    WINDOWS_31J
  }

  /** What "import" takes. */
  enum Scope {
    /** Every row, refused when any row has an error. */
    ALL,
    /** Only the rows without errors; the others are left out. */
    VALID_ROWS_ONLY
  }

  /** What one line of the file does. */
  enum LineStatus {
    NEW,
    UPDATE,
    /** The operator exists and the line would change nothing. */
    UNCHANGED,
    ERROR
  }

  /**
   * A reason a line cannot be imported, as a message key of the import bundle and its arguments.
   */
  record Violation(String messageKey, List<String> arguments) {

    public Violation(String messageKey, Object... arguments) {
      this(messageKey, Arrays.stream(arguments).map(String::valueOf).toList());
    }
  }

  /**
   * One line of the file.
   *
   * @param lineNumber the line in the file where the row starts (the headings are line 1)
   * @param code the operator's code: as written, or the one Mamori will give it
   * @param codeGenerated true when the file left the code blank
   * @param sector the sector, when the line names a known one
   * @param sizeClass the size the operator will have: the one written, else the one its sector's
   *     thresholds give (null when nothing is known)
   * @param sizeFromThresholds true when {@code sizeClass} comes from the thresholds
   */
  record Line(
      int lineNumber,
      LineStatus status,
      String code,
      boolean codeGenerated,
      String nameJa,
      @Nullable LocalizedText sector,
      @Nullable SizeClass sizeClass,
      boolean sizeFromThresholds,
      List<Violation> problems) {

    public boolean hasErrors() {
      return status == LineStatus.ERROR;
    }
  }

  /**
   * An upload and what each of its lines would do.
   *
   * @param encoding the encoding the text was read in ("UTF-8" or "Windows-31J")
   * @param ignoredColumns headings the importer does not know, as written in the file
   * @param completedAt when the upload was imported; null while it waits
   */
  record Check(
      UUID upload,
      String fileName,
      String encoding,
      Instant uploadedAt,
      @Nullable Instant completedAt,
      List<Line> lines,
      List<String> ignoredColumns) {

    public long count(LineStatus status) {
      return lines.stream().filter(l -> l.status() == status).count();
    }

    public long newCount() {
      return count(LineStatus.NEW);
    }

    public long updateCount() {
      return count(LineStatus.UPDATE);
    }

    public long unchangedCount() {
      return count(LineStatus.UNCHANGED);
    }

    public long errorCount() {
      return count(LineStatus.ERROR);
    }

    public boolean hasErrors() {
      return errorCount() > 0;
    }

    /** Lines that would register or change an operator. */
    public long changeCount() {
      return newCount() + updateCount();
    }

    public boolean completed() {
      return completedAt != null;
    }

    public List<Line> errorLines() {
      return lines.stream().filter(Line::hasErrors).toList();
    }
  }

  /**
   * What an import did.
   *
   * @param skipped lines left out because they had errors
   */
  record Result(UUID upload, int created, int updated, int unchanged, int skipped) {}
}
