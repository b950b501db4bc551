package org.mamori.exchange.internal.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mamori.access.Disclosure;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedIndicator;
import org.mamori.sharing.ExportedOrganisation;
import org.mamori.sharing.ExportedReport;
import org.mamori.sharing.ExportedReportVersion;
import org.mamori.sharing.ReportStage;

/** Reports and advisories as sharing exports them, for the mapping's tests. */
final class StixFixtures {

  static final ExportedOrganisation OPERATOR =
      new ExportedOrganisation(
          new OrganisationId(UUID.fromString("11111111-1111-4111-8111-111111111111")),
          "あさひの電力株式会社",
          "Asahino Power Co.",
          "electricity");
  static final ExportedOrganisation MINISTRY =
      new ExportedOrganisation(
          new OrganisationId(UUID.fromString("22222222-2222-4222-8222-222222222222")),
          "経済産業省",
          "Ministry of Economy, Trade and Industry",
          null);
  static final ExportedOrganisation HUB =
      new ExportedOrganisation(
          new OrganisationId(UUID.fromString("33333333-3333-4333-8333-333333333333")),
          "国家サイバー統括室",
          "National Cybersecurity Office",
          null);

  static final Instant SUBMITTED = Instant.parse("2026-10-01T01:02:03.456789Z");

  private StixFixtures() {}

  /** Three versions: GREEN, GREEN and an AMBER final report; indicators of every kind. */
  static ExportedReport report() {
    return report(Tlp.GREEN, false);
  }

  static ExportedReport report(Tlp marking, boolean emergency) {
    UUID id = UUID.fromString("44444444-4444-4444-8444-444444444444");
    List<ExportedReportVersion> versions =
        List.of(
            version(
                1,
                ReportStage.FIRST,
                Tlp.GREEN,
                SUBMITTED,
                "unavailable",
                "AVAILABILITY",
                "stopped",
                ExportedReportVersion.Verification.UNKNOWN,
                ExportedReportVersion.Response.INVESTIGATING,
                List.of("ddos", "unknown"),
                "",
                "198.51.100.7\nhxxp://bad[.]example/login'x"),
            version(
                2,
                ReportStage.FOLLOW_UP,
                Tlp.GREEN,
                SUBMITTED.plusSeconds(3_600),
                "leak",
                "CONFIDENTIALITY",
                "information-leaked",
                ExportedReportVersion.Verification.REACHED,
                ExportedReportVersion.Response.CONTAINED,
                List.of("unknown"),
                "顧客情報が外に出たおそれ。\n二行目",
                "198.51.100.7\nevil.example\n2001:db8::1\nattacker@evil.example"),
            version(
                3,
                ReportStage.FINAL,
                Tlp.AMBER,
                SUBMITTED.plusSeconds(86_400),
                "destruction",
                "INTEGRITY",
                "information-tampered",
                ExportedReportVersion.Verification.NOT_REACHED,
                ExportedReportVersion.Response.RECOVERED,
                List.of(),
                "復旧済み",
                "d41d8cd98f00b204e9800998ecf8427e\n"
                    + "da39a3ee5e6b4b0d3255bfef95601890afd80709\n"
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    List<ExportedReport.Hop> route =
        List.of(
            new ExportedReport.Hop(
                MINISTRY,
                1,
                null,
                "MAMORI",
                false,
                SUBMITTED.plusMillis(5),
                SUBMITTED.plusSeconds(600),
                "重要度高。統括室へ"),
            new ExportedReport.Hop(
                HUB, 2, MINISTRY.id(), "MAMORI", false, SUBMITTED.plusSeconds(600), null, ""));
    return new ExportedReport(
        id,
        "R2026-00042",
        OPERATOR,
        "electricity",
        marking,
        emergency,
        SUBMITTED,
        versions,
        route,
        new Disclosure(OPERATOR.id(), marking, Set.of(MINISTRY.id(), HUB.id()), Set.of()));
  }

  static ExportedReportVersion version(
      int number,
      ReportStage stage,
      Tlp tlp,
      Instant released,
      String eventType,
      String threatGroup,
      String impact,
      ExportedReportVersion.Verification verification,
      ExportedReportVersion.Response response,
      List<String> causes,
      String details,
      String indicators) {
    return new ExportedReportVersion(
        number,
        stage,
        tlp,
        released.minusSeconds(30),
        released,
        "配電システムの障害 " + number,
        Instant.parse("2026-09-30T23:00:00Z"),
        Instant.parse("2026-09-30T23:45:00Z"),
        new ExportedReportVersion.EventType(
            eventType, threatGroup, new LocalizedText("類型 " + eventType, "Type " + eventType)),
        impact,
        causes,
        "配電",
        ExportedReportVersion.Answer.UNKNOWN,
        verification,
        response,
        details,
        indicators,
        parsed(indicators));
  }

  /** The indicators sharing finds in these fixtures' texts, in order. */
  private static List<ExportedIndicator> parsed(String text) {
    return text.lines()
        .map(
            line -> {
              String value = line.replace("hxxp", "http").replace("[.]", ".");
              ExportedIndicator.Type type =
                  value.startsWith("http")
                      ? ExportedIndicator.Type.URL
                      : value.contains("@")
                          ? ExportedIndicator.Type.EMAIL
                          : value.contains(":")
                              ? ExportedIndicator.Type.IPV6
                              : value.matches("[0-9.]+")
                                  ? ExportedIndicator.Type.IPV4
                                  : value.matches("[0-9a-f]{32}")
                                      ? ExportedIndicator.Type.MD5
                                      : value.matches("[0-9a-f]{40}")
                                          ? ExportedIndicator.Type.SHA1
                                          : value.matches("[0-9a-f]{64}")
                                              ? ExportedIndicator.Type.SHA256
                                              : ExportedIndicator.Type.DOMAIN;
              return new ExportedIndicator(type, value);
            })
        .toList();
  }

  static ExportedAdvisory advisory(ExportedAdvisory.SanitisedSource source) {
    return new ExportedAdvisory(
        UUID.fromString("55555555-5555-4555-8555-555555555555"),
        "A2026-00007",
        HUB,
        "配電事業者を狙う不審なメール",
        "本文です。\n件名「請求書」のメールに注意してください。",
        "198.51.100.7\nevil.example",
        List.of(
            new ExportedIndicator(ExportedIndicator.Type.IPV4, "198.51.100.7"),
            new ExportedIndicator(ExportedIndicator.Type.DOMAIN, "evil.example")),
        Tlp.GREEN,
        Instant.parse("2026-10-02T03:04:05.678901Z"),
        Instant.parse("2026-10-09T00:00:00Z"),
        source,
        new Disclosure(HUB.id(), Tlp.GREEN, Set.of(), Set.of()));
  }

  static ExportedAdvisory.SanitisedSource electricityOperator() {
    return new ExportedAdvisory.SanitisedSource(
        "electricity", new LocalizedText("電力分野の事業者", "an operator in the electric power sector"));
  }
}
