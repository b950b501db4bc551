package org.mamori.sharing.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;
import org.springframework.validation.Errors;

/**
 * The report form exactly as typed, so a draft or a refused form keeps every character. Times are
 * Japan time, as the browser's date-time field gives them ({@code 2026-11-26T09:30}).
 */
record ReportForm(
    @Nullable String stage,
    @Pattern(regexp = NO_NUL) @NotBlank @Size(max = 500) @Nullable String summary,
    @NotBlank @Nullable String occurredAt,
    @NotBlank @Nullable String detectedAt,
    @Pattern(regexp = NO_NUL) @NotBlank @Nullable String eventType,
    @Pattern(regexp = NO_NUL) @NotBlank @Nullable String impact,
    @Nullable List<@Pattern(regexp = NO_NUL) String> causes,
    @Pattern(regexp = NO_NUL) @Size(max = 200) @Nullable String service,
    @Nullable String otherSectorsAffected,
    @Nullable String verificationLevel,
    @Nullable String responseStatus,
    @Pattern(regexp = NO_NUL) @Size(max = 20_000) @Nullable String details,
    @Pattern(regexp = NO_NUL) @Size(max = 20_000) @Nullable String indicators,
    @NotBlank @Nullable String tlp,
    boolean emergency,
    @Size(max = 2_000) @Nullable String redRecipients) {

  /**
   * No NUL character (U+0000): PostgreSQL cannot store one in text, so it is refused with a reason.
   */
  static final String NO_NUL = "[^\\x00]*";

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  static ReportForm blank() {
    return new ReportForm(
        ReportStage.FIRST.name(),
        "",
        "",
        "",
        "",
        "",
        List.of(),
        "",
        ReportContent.Answer.UNKNOWN.name(),
        ReportContent.Verification.UNKNOWN.name(),
        ReportContent.Response.INVESTIGATING.name(),
        "",
        "",
        Tlp.AMBER.name(),
        false,
        "");
  }

  /** A follow-up starts from what the last version said. */
  static ReportForm following(ReportContent last) {
    return new ReportForm(
        ReportStage.FOLLOW_UP.name(),
        last.summary(),
        field(last.occurredAt()),
        field(last.detectedAt()),
        last.eventType(),
        last.impact(),
        last.causes(),
        last.service(),
        last.otherSectorsAffected().name(),
        last.verificationLevel().name(),
        last.responseStatus().name(),
        last.details(),
        last.indicators(),
        last.tlp().name(),
        false,
        "");
  }

  /**
   * The content, if every field reads; otherwise records why in {@code errors} (field by field) and
   * returns null.
   */
  @Nullable ReportContent content(Errors errors) {
    Instant occurred = time("occurredAt", occurredAt, errors);
    Instant detected = time("detectedAt", detectedAt, errors);
    ReportStage readStage = choice("stage", stage, ReportStage.class, ReportStage.FIRST, errors);
    Tlp marking = choice("tlp", tlp, Tlp.class, Tlp.AMBER, errors);
    ReportContent.Answer others =
        choice(
            "otherSectorsAffected",
            otherSectorsAffected,
            ReportContent.Answer.class,
            ReportContent.Answer.UNKNOWN,
            errors);
    ReportContent.Verification verification =
        choice(
            "verificationLevel",
            verificationLevel,
            ReportContent.Verification.class,
            ReportContent.Verification.UNKNOWN,
            errors);
    ReportContent.Response response =
        choice(
            "responseStatus",
            responseStatus,
            ReportContent.Response.class,
            ReportContent.Response.INVESTIGATING,
            errors);
    if (errors.hasErrors() || occurred == null || detected == null) {
      return null;
    }
    return new ReportContent(
        readStage,
        text(summary),
        occurred,
        detected,
        text(eventType),
        text(impact),
        causes == null ? List.of() : causes,
        text(service),
        others,
        verification,
        response,
        text(details),
        text(indicators),
        marking);
  }

  List<String> redRecipientEmails() {
    return redRecipients == null
        ? List.of()
        : Arrays.stream(redRecipients.split("[,、\\s]+")).filter(e -> !e.isBlank()).toList();
  }

  static String field(Instant at) {
    return FIELD.format(at.atZone(JAPAN));
  }

  private static @Nullable Instant time(String field, @Nullable String value, Errors errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip(), FIELD).atZone(JAPAN).toInstant();
    } catch (DateTimeParseException malformed) {
      errors.rejectValue(field, "report.time.malformed");
      return null;
    }
  }

  private static <E extends Enum<E>> E choice(
      String field, @Nullable String value, Class<E> type, E fallback, Errors errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException unknown) {
      errors.rejectValue(field, "report.choice.unknown");
      return fallback;
    }
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
