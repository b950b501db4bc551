package org.mamori.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OperatorImport;
import org.mamori.directory.internal.OperatorImportRules.PlannedLine;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports operators from CSV files for platform administrators (see {@link OperatorImport}). */
@Service
@Transactional
class OperatorImportService implements OperatorImport {

  /** Uploads checked but neither imported nor cancelled are forgotten after this long. */
  static final Duration KEPT_WAITING = Duration.ofDays(1);

  private static final int MAX_FILE_NAME = 200;

  private final OperatorImportUploads uploads;
  private final OperatorImportRules rules;
  private final Organisations organisations;
  private final DirectoryPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OperatorImportService(
      OperatorImportUploads uploads,
      OperatorImportRules rules,
      Organisations organisations,
      DirectoryPolicy policy,
      ApplicationEventPublisher events,
      Clock clock) {
    this.uploads = uploads;
    this.rules = rules;
    this.organisations = organisations;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Check check(Actor by, String fileName, byte[] content, Encoding encoding) {
    requirePlatformAdministrator(by);
    if (content.length > MAX_BYTES) {
      throw new DirectoryRuleViolation("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    CsvText text = CsvText.decode(content, encoding);
    OperatorImportFile file = OperatorImportFile.parse(text.text());
    Instant now = clock.instant();
    uploads.deleteWaitingSince(now.minus(KEPT_WAITING).atOffset(ZoneOffset.UTC));
    OperatorImportUpload upload =
        uploads.save(OperatorImportUpload.receive(by.person(), now, shortName(fileName), text));
    events.publishEvent(
        new AuditableChange(
            by,
            "directory.operator-import.received",
            "operator-import",
            upload.id().toString(),
            "Received " + upload.fileName() + " (" + file.rows().size() + " rows) for import",
            null,
            UploadState.of(upload)));
    return checked(upload, file, rules.plan(file));
  }

  @Override
  @Transactional(readOnly = true)
  public Check review(Actor by, UUID id) {
    requirePlatformAdministrator(by);
    OperatorImportUpload upload = upload(by, id);
    if (upload.completed()) {
      return new Check(
          upload.id(),
          upload.fileName(),
          upload.encoding(),
          upload.uploadedAt(),
          upload.completedAt(),
          List.of(),
          List.of());
    }
    OperatorImportFile file = OperatorImportFile.parse(upload.content());
    return checked(upload, file, rules.plan(file));
  }

  @Override
  public Result importRows(Actor by, UUID id, Scope scope) {
    requirePlatformAdministrator(by);
    OperatorImportUpload upload = upload(by, id);
    if (upload.completed()) {
      throw new DirectoryRuleViolation("import.alreadyDone");
    }
    List<PlannedLine> plan = rules.plan(OperatorImportFile.parse(upload.content()));
    long errors = plan.stream().filter(p -> p.line().hasErrors()).count();
    if (scope == Scope.ALL && errors > 0) {
      throw new DirectoryRuleViolation("import.hasErrors", errors);
    }
    List<PlannedLine> changes =
        plan.stream()
            .filter(p -> p.organisation() != null)
            .filter(
                p -> p.line().status() == LineStatus.NEW || p.line().status() == LineStatus.UPDATE)
            .toList();
    // One call for the whole file lets Spring Data JDBC batch the inserts (10,000 rows: ~17 s).
    organisations.saveAll(changes.stream().map(PlannedLine::organisation).toList());
    changes.forEach(change -> audit(by, change, upload));
    int created = (int) changes.stream().filter(c -> c.line().status() == LineStatus.NEW).count();
    int updated = changes.size() - created;
    int unchanged =
        (int) plan.stream().filter(p -> p.line().status() == LineStatus.UNCHANGED).count();
    if (created + updated + unchanged == 0) {
      throw new DirectoryRuleViolation("import.nothingToImport");
    }
    UploadState before = UploadState.of(upload);
    upload.complete(clock.instant());
    uploads.save(upload);
    Result result = new Result(upload.id(), created, updated, unchanged, (int) errors);
    events.publishEvent(
        new AuditableChange(
            by,
            "directory.operator-import.completed",
            "operator-import",
            upload.id().toString(),
            "Imported %s: %d new, %d updated, %d unchanged, %d lines left out"
                .formatted(upload.fileName(), created, updated, unchanged, errors),
            before,
            new CompletedState(UploadState.of(upload), scope, result)));
    return result;
  }

  @Override
  public void cancel(Actor by, UUID id) {
    requirePlatformAdministrator(by);
    OperatorImportUpload upload = upload(by, id);
    if (upload.completed()) {
      throw new DirectoryRuleViolation("import.alreadyDone");
    }
    uploads.delete(upload);
    events.publishEvent(
        new AuditableChange(
            by,
            "directory.operator-import.cancelled",
            "operator-import",
            upload.id().toString(),
            "Cancelled the import of " + upload.fileName(),
            UploadState.of(upload),
            null));
  }

  private void audit(Actor by, PlannedLine change, OperatorImportUpload upload) {
    boolean created = change.line().status() == LineStatus.NEW;
    events.publishEvent(
        new AuditableChange(
            by,
            created ? "directory.organisation.created" : "directory.organisation.updated",
            "organisation",
            Objects.requireNonNull(change.organisation()).id().toString(),
            "%s from %s line %d"
                .formatted(
                    created ? "Registered" : "Updated",
                    upload.fileName(),
                    change.line().lineNumber()),
            change.before(),
            change.after()));
  }

  private static Check checked(
      OperatorImportUpload upload, OperatorImportFile file, List<PlannedLine> plan) {
    return new Check(
        upload.id(),
        upload.fileName(),
        upload.encoding(),
        upload.uploadedAt(),
        upload.completedAt(),
        plan.stream().map(PlannedLine::line).toList(),
        file.ignoredHeadings());
  }

  /** An upload is seen and finished only by the person who sent it. */
  private OperatorImportUpload upload(Actor by, UUID id) {
    return uploads
        .findById(id)
        .filter(u -> u.sentBy(by.person()))
        .orElseThrow(() -> new DirectoryRuleViolation("import.unknown"));
  }

  private void requirePlatformAdministrator(Actor by) {
    if (!policy.mayAdministerPlatform(by)) {
      throw new AccessDeniedException("only platform administrators import operators");
    }
  }

  /** The name without any folders a browser sent along, cut to a sensible length. */
  private static String shortName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (name.isEmpty()) {
      return "operators.csv";
    }
    return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
  }

  /** What the audit digest of an upload covers: the file's text itself included. */
  record UploadState(
      String fileName,
      String encoding,
      Instant uploadedAt,
      @Nullable Instant completedAt,
      String content) {

    static UploadState of(OperatorImportUpload upload) {
      return new UploadState(
          upload.fileName(),
          upload.encoding(),
          upload.uploadedAt(),
          upload.completedAt(),
          upload.content());
    }
  }

  record CompletedState(UploadState upload, Scope scope, Result result) {}
}
