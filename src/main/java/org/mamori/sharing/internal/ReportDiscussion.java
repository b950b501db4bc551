package org.mamori.sharing.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments and attachments on a report. Each carries its own marking, never looser than the
 * report's; readers see only those the access decision lets them read. People of the reporting
 * organisation and of the organisations the report reached may add them.
 */
@Service
@Transactional
class ReportDiscussion {

  private final Reports reports;
  private final AccessPolicy access;
  private final Directory directory;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ReportDisclosures disclosures;
  private final long maxBytes;

  ReportDiscussion(
      Reports reports,
      AccessPolicy access,
      Directory directory,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock,
      ReportDisclosures disclosures,
      @Value("${mamori.attachments.max-bytes:10485760}") long maxBytes) {
    this.reports = reports;
    this.disclosures = disclosures;
    this.access = access;
    this.directory = directory;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  record CommentView(
      UUID id, String author, LocalizedText organisation, Tlp tlp, String text, Instant at) {}

  record AttachmentView(
      UUID id,
      String fileName,
      String contentType,
      long sizeBytes,
      Tlp tlp,
      String uploadedBy,
      LocalizedText organisation,
      Instant at) {}

  record Discussion(
      List<CommentView> comments,
      List<AttachmentView> attachments,
      boolean mayContribute,
      List<Tlp> markings,
      long maxBytes) {}

  record Download(String fileName, String contentType, byte[] content) {}

  private record Stored(String fileName, String contentType, Tlp tlp, byte[] content) {}

  private record Row(
      UUID id,
      UUID person,
      UUID organisation,
      Tlp tlp,
      String text,
      String contentType,
      long sizeBytes,
      Instant at) {}

  @Transactional(readOnly = true)
  Discussion of(Report report, Actor reader) {
    AccessPolicy.Reader tlp = access.readerFor(reader);
    List<Row> comments =
        rows(
            """
            select id, author as person, organisation, tlp, text, '' as content_type,
                   0 as size_bytes, written_at as at
            from report_comment where report_id = :report order by written_at
            """,
            report);
    List<Row> attachments =
        rows(
            """
            select id, uploaded_by as person, organisation, tlp, file_name as text, content_type,
                   size_bytes, uploaded_at as at
            from report_attachment where report_id = :report order by uploaded_at
            """,
            report);
    Disclosure shown = disclosures.of(report);
    List<Row> readable = new ArrayList<>();
    comments.stream().filter(r -> tlp.mayRead(shown.under(r.tlp()))).forEach(readable::add);
    attachments.stream().filter(r -> tlp.mayRead(shown.under(r.tlp()))).forEach(readable::add);
    Map<PersonId, PersonSummary> people =
        directory.people(readable.stream().map(r -> new PersonId(r.person())).toList());
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(
            readable.stream().map(r -> new OrganisationId(r.organisation())).toList());
    return new Discussion(
        comments.stream()
            .filter(readable::contains)
            .map(
                r ->
                    new CommentView(
                        r.id(),
                        personName(people, r.person()),
                        organisationName(organisations, r.organisation()),
                        shown.under(r.tlp()).tlp(),
                        r.text(),
                        r.at()))
            .toList(),
        attachments.stream()
            .filter(readable::contains)
            .map(
                r ->
                    new AttachmentView(
                        r.id(),
                        r.text(),
                        r.contentType(),
                        r.sizeBytes(),
                        shown.under(r.tlp()).tlp(),
                        personName(people, r.person()),
                        organisationName(organisations, r.organisation()),
                        r.at()))
            .toList(),
        mayContribute(report, reader),
        markings(report),
        maxBytes);
  }

  void comment(Actor by, UUID reportId, String text, Tlp tlp) {
    Report report = contributable(by, reportId, tlp);
    if (text.isBlank()) {
      throw new SharingRuleViolation("comment.empty");
    }
    if (text.length() > 5_000) {
      throw new SharingRuleViolation("comment.tooLong");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into report_comment (id, report_id, author, organisation, tlp, text, written_at)
            values (:id, :report, :author, :organisation, :tlp, :text, :at)
            """)
        .param("id", id)
        .param("report", reportId)
        .param("author", by.person().value())
        .param("organisation", by.organisation().value())
        .param("tlp", tlp.name())
        .param("text", text.strip())
        .param("at", SqlTime.utc(clock.instant()))
        .update();
    audit(by, "sharing.report.commented", report, "Comment " + id, tlp);
  }

  UUID attach(Actor by, UUID reportId, String fileName, byte[] content, Tlp tlp) {
    Report report = contributable(by, reportId, tlp);
    if (content.length == 0) {
      throw new SharingRuleViolation("attachment.empty");
    }
    if (content.length > maxBytes) {
      throw new SharingRuleViolation("attachment.tooLarge", maxBytes / (1024 * 1024));
    }
    String type =
        FileTypes.of(content).orElseThrow(() -> new SharingRuleViolation("attachment.type"));
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into report_attachment (id, report_id, uploaded_by, organisation, tlp, file_name,
              content_type, size_bytes, sha256, content, uploaded_at)
            values (:id, :report, :by, :organisation, :tlp, :name, :type, :size, :sha, :content, :at)
            """)
        .param("id", id)
        .param("report", reportId)
        .param("by", by.person().value())
        .param("organisation", by.organisation().value())
        .param("tlp", tlp.name())
        .param("name", displayName(fileName))
        .param("type", type)
        .param("size", content.length)
        .param("sha", sha256(content))
        .param("content", content)
        .param("at", SqlTime.utc(clock.instant()))
        .update();
    audit(by, "sharing.report.attached", report, "Attachment " + displayName(fileName), tlp);
    return id;
  }

  /** The file, only for a reader the access decision lets read it. */
  @Transactional(readOnly = true)
  Optional<Download> download(Actor reader, UUID reportId, UUID attachmentId) {
    Report report = reports.findById(reportId).orElse(null);
    if (report == null || !report.released()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select file_name, content_type, tlp, content from report_attachment
            where id = :id and report_id = :report
            """)
        .param("id", attachmentId)
        .param("report", reportId)
        .query(
            (rs, i) ->
                new Stored(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    Tlp.valueOf(rs.getString("tlp")),
                    rs.getBytes("content")))
        .optional()
        .filter(file -> access.mayRead(reader, disclosures.of(report).under(file.tlp())))
        .map(file -> new Download(file.fileName(), file.contentType(), file.content()));
  }

  private Report contributable(Actor by, UUID reportId, Tlp tlp) {
    Report report =
        reports.findById(reportId).orElseThrow(() -> new SharingRuleViolation("report.unknown"));
    if (!mayContribute(report, by)) {
      throw new AccessDeniedException("may not add to " + report.reference());
    }
    if (!markings(report).contains(tlp)) {
      throw new SharingRuleViolation("discussion.marking.looser");
    }
    return report;
  }

  private boolean mayContribute(Report report, Actor who) {
    boolean involved =
        who.organisation().equals(report.originator())
            || report.hopAt(who.organisation()).isPresent();
    return report.released() && involved && access.mayRead(who, report.disclosure());
  }

  /**
   * The report's marking or stricter; TLP:RED only on a TLP:RED report, whose named people are the
   * ones a RED comment or file is for.
   */
  private static List<Tlp> markings(Report report) {
    List<Tlp> markings = new ArrayList<>();
    for (Tlp tlp : Tlp.values()) {
      boolean red = tlp == Tlp.RED && report.tlp() != Tlp.RED;
      if (!report.tlp().isStricterThan(tlp) && !red) {
        markings.add(tlp);
      }
    }
    return markings;
  }

  private List<Row> rows(String sql, Report report) {
    return jdbc.sql(sql)
        .param("report", report.id())
        .query(
            (rs, i) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getObject("person", UUID.class),
                    rs.getObject("organisation", UUID.class),
                    Tlp.valueOf(rs.getString("tlp")),
                    rs.getString("text"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes"),
                    rs.getObject("at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Only the last part of an uploaded name, without control characters, shown and downloaded. */
  static String displayName(String uploaded) {
    String last = uploaded.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    return last.isEmpty() ? "attachment" : last.length() > 200 ? last.substring(0, 200) : last;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private void audit(Actor by, String action, Report report, String summary, Tlp tlp) {
    events.publishEvent(
        new AuditableChange(
            by, action, "report", report.id().toString(), summary, null, tlp.name()));
  }

  private static String personName(Map<PersonId, PersonSummary> people, UUID id) {
    PersonSummary person = people.get(new PersonId(id));
    return person == null ? "" : person.displayName();
  }

  private static LocalizedText organisationName(
      Map<OrganisationId, OrganisationSummary> organisations, UUID id) {
    OrganisationSummary organisation = organisations.get(new OrganisationId(id));
    return organisation == null
        ? new LocalizedText("?", "?")
        : new LocalizedText(organisation.nameJa(), organisation.nameEn());
  }
}
