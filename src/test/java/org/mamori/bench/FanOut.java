package org.mamori.bench;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.mamori.sharing.AdvisoryIssuer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An advisory from the national hub's duty officer to the operators of every sector, issued through
 * sharing's {@link AdvisoryIssuer} (the same path as the form), then watched in the database: how
 * many in-app notices exist, sampled every few milliseconds, and when each e-mail was handed to the
 * SMTP server on loopback (its {@code sent_at}, written once the server took it).
 */
final class FanOut {

  private static final String DUTY_OFFICER = "duty@demo.example";
  private static final Duration SAMPLE = Duration.ofMillis(20);

  /** A count of in-app notices seen at a time after issuing. */
  private record Sample(long nanos, int count) {}

  /**
   * What the fan-out did.
   *
   * @param issueSeconds how long the issuing request itself took (audience resolved, recipients
   *     written)
   * @param organisations organisations the advisory reached
   * @param notices in-app notices recorded, and when 50 %, 99 % and all of them were there
   * @param emails e-mails handed to SMTP, with percentiles of their hand-over times
   */
  record Result(
      String reference,
      double issueSeconds,
      int organisations,
      int notices,
      int expected,
      boolean finished,
      double patienceSeconds,
      double noticeP50,
      double noticeP99,
      double noticeMax,
      int emails,
      int emailsReceived,
      double emailP50,
      double emailP99,
      double emailMax,
      CpuMeter.Reading cpu) {}

  private FanOut() {}

  /**
   * Issues the advisory and watches until every member of every organisation it reached has an
   * in-app notice and no e-mail of it is pending, or until {@code patience} is over (the figures
   * then say how far it got).
   */
  static Result run(
      ConfigurableApplicationContext mamori,
      JdbcClient jdbc,
      GreenMail smtp,
      CpuMeter cpu,
      Duration patience)
      throws InterruptedException {
    Directory directory = mamori.getBean(Directory.class);
    PersonSummary duty =
        directory
            .personByEmail(DUTY_OFFICER)
            .orElseThrow(() -> new IllegalStateException("no demo duty officer"));
    Actor hub = new Actor(duty.id(), directory.nationalHub().id());
    AdvisoryIssuer issuer = mamori.getBean(AdvisoryIssuer.class);
    CpuMeter.Reading cpuStart = cpu.now();
    Instant issuedAt = Instant.now();
    long start = System.nanoTime();
    AdvisoryIssuer.Issued issued =
        issuer.issue(
            hub,
            new AdvisoryIssuer.Request(
                "【ベンチ】全分野への注意喚起 " + UUID.randomUUID(),
                "負荷試験のための情報提供です。対応は不要です。",
                Tlp.GREEN,
                directory.sectors().stream().map(SectorSummary::id).collect(Collectors.toSet()),
                Set.of(),
                null));
    double issueSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "Advisory %s issued to %,d organisations in %.2f s%n",
        issued.reference(), issued.recipients(), issueSeconds);

    int expected =
        count(
            jdbc,
            """
            select count(distinct m.person_id) from membership m join person p on p.id = m.person_id
             where p.active and m.organisation_id in
                   (select organisation_id from advisory_hop where advisory_id = :item)
            """,
            issued);
    List<Sample> samples = new ArrayList<>();
    int notices;
    int pendingMails;
    do {
      notices = count(jdbc, "select count(*) from notification where item_id = :item", issued);
      samples.add(new Sample(System.nanoTime() - start, notices));
      pendingMails =
          count(
              jdbc,
              "select count(*) from notify_delivery where item_id = :item and channel = 'EMAIL'"
                  + " and state = 'PENDING'",
              issued);
      Thread.sleep(SAMPLE.toMillis());
    } while ((notices < expected || pendingMails > 0)
        && System.nanoTime() - start < patience.toNanos());
    boolean finished = notices >= expected && pendingMails == 0;
    if (!finished) {
      System.out.printf(
          "The fan-out had not finished after %d s: %,d of %,d notices, %,d e-mails pending%n",
          patience.toSeconds(), notices, expected, pendingMails);
    }
    CpuMeter.Reading used = cpu.now().since(cpuStart);
    long[] mailNanos =
        BenchRun.sorted(
            jdbc
                .sql(
                    "select sent_at from notify_delivery where item_id = :item and channel ="
                        + " 'EMAIL' and state = 'SENT'")
                .param("item", issued.id())
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list()
                .stream()
                .mapToLong(sent -> Duration.between(issuedAt, sent).toNanos())
                .toArray());
    Result result =
        new Result(
            issued.reference(),
            issueSeconds,
            issued.recipients(),
            notices,
            expected,
            finished,
            patience.toSeconds(),
            reached(samples, expected, 50),
            reached(samples, expected, 99),
            reached(samples, expected, 100),
            mailNanos.length,
            smtp.getReceivedMessages().length,
            BenchRun.percentile(mailNanos, 50) / 1e9,
            BenchRun.percentile(mailNanos, 99) / 1e9,
            BenchRun.percentile(mailNanos, 100) / 1e9,
            used);
    System.out.printf(
        Locale.ROOT,
        "In-app: %,d of %,d notices, 50%% after %.2f s, 99%% after %.2f s, all after %.2f s;"
            + " e-mail: %,d handed to SMTP (%,d received), p50 %.2f s, p99 %.2f s, max %.2f s%n",
        result.notices(),
        result.expected(),
        result.noticeP50(),
        result.noticeP99(),
        result.noticeMax(),
        result.emails(),
        result.emailsReceived(),
        result.emailP50(),
        result.emailP99(),
        result.emailMax());
    return result;
  }

  private static int count(JdbcClient jdbc, String sql, AdvisoryIssuer.Issued issued) {
    return jdbc.sql(sql).param("item", issued.id()).query(Integer.class).single();
  }

  /**
   * Seconds after issuing when the sampled count first reached the share of the expected count;
   * {@code NaN} when it never did.
   */
  private static double reached(List<Sample> samples, int total, int percent) {
    long needed = (long) Math.ceil(total * percent / 100.0);
    return samples.stream()
        .filter(sample -> sample.count() >= needed)
        .findFirst()
        .map(sample -> sample.nanos() / 1e9)
        .orElse(Double.NaN);
  }
}
