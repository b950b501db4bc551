package org.mamori.directory.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A CSV file uploaded for import, kept in the database between "check" and "import" so that any web
 * node can finish it. Holds the decoded text: what was checked is exactly what is imported.
 */
@Table("operator_import")
class OperatorImportUpload {

  private final @Id UUID id;
  private final UUID uploadedBy;
  private final Instant uploadedAt;
  private final String fileName;
  private final String encoding;
  private final String content;
  private @Nullable Instant completedAt;
  private @Version @Nullable Long version;

  @PersistenceCreator
  OperatorImportUpload(
      UUID id,
      UUID uploadedBy,
      Instant uploadedAt,
      String fileName,
      String encoding,
      String content,
      @Nullable Instant completedAt,
      @Nullable Long version) {
    this.id = id;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.fileName = fileName;
    this.encoding = encoding;
    this.content = content;
    this.completedAt = completedAt;
    this.version = version;
  }

  static OperatorImportUpload receive(PersonId by, Instant at, String fileName, CsvText text) {
    return new OperatorImportUpload(
        UUID.randomUUID(), by.value(), at, fileName, text.encoding(), text.text(), null, null);
  }

  /** Marks the upload imported; an upload is imported once. */
  void complete(Instant at) {
    if (completedAt != null) {
      throw new IllegalStateException("upload " + id + " was already imported");
    }
    this.completedAt = at;
  }

  boolean sentBy(PersonId person) {
    return uploadedBy.equals(person.value());
  }

  UUID id() {
    return id;
  }

  Instant uploadedAt() {
    return uploadedAt;
  }

  String fileName() {
    return fileName;
  }

  String encoding() {
    return encoding;
  }

  String content() {
    return content;
  }

  @Nullable Instant completedAt() {
    return completedAt;
  }

  boolean completed() {
    return completedAt != null;
  }
}
