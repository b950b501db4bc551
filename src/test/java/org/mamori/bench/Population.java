package org.mamori.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.mamori.directory.Directory;
import org.mamori.directory.OperatorImport;
import org.mamori.directory.SectorSummary;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load bench's directory: operators imported through the same CSV import an administrator uses
 * (every organisation checked, created and audited), and people with read-and-write API tokens
 * written straight into the tables in a few statements (setting 20,000 people up one by one through
 * the pages would take longer than the measurements; the bench says so).
 */
final class Population {

  /** One generated person: e-mail, organisation code and API token (kept only by the bench). */
  record Person(String email, String organisation, String token) {}

  private static final String HEADINGS =
      "組織コード,組織名,組織名（英語）,分野,規模,従業員数,資本金（円）,都道府県,ウェブサイト,代表メール,代表電話,セプター,サービス";
  private static final String[] PREFECTURES = {"東京都", "大阪府", "北海道", "福岡県", "愛知県", "宮城県"};
  private static final int CHUNK = 5_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  final List<Person> people;
  final double importSeconds;
  final double peopleSeconds;

  private Population(List<Person> people, double importSeconds, double peopleSeconds) {
    this.people = people;
    this.importSeconds = importSeconds;
    this.peopleSeconds = peopleSeconds;
  }

  static String organisationCode(int n) {
    return String.format(Locale.ROOT, "bench-op-%05d", n);
  }

  static Population generate(ConfigurableApplicationContext mamori, int organisations, int count) {
    long start = System.nanoTime();
    importOperators(mamori, organisations);
    double importSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("Imported %,d operators in %.1f s%n", organisations, importSeconds);
    start = System.nanoTime();
    List<Person> people = people(mamori.getBean(JdbcClient.class), organisations, count);
    double peopleSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("Wrote %,d people with API tokens in %.1f s%n", count, peopleSeconds);
    return new Population(people, importSeconds, peopleSeconds);
  }

  /**
   * One CSV file through check and import, as the system (the demo data is loaded the same way).
   */
  private static void importOperators(ConfigurableApplicationContext mamori, int organisations) {
    List<SectorSummary> sectors = mamori.getBean(Directory.class).sectors();
    StringBuilder csv = new StringBuilder(HEADINGS).append('\n');
    for (int n = 0; n < organisations; n++) {
      String code = organisationCode(n);
      csv.append(code)
          .append(",ベンチ事業者")
          .append(String.format(Locale.ROOT, "%05d", n))
          .append("㈱,Bench Operator ")
          .append(n)
          .append(',')
          .append(sectors.get(n % sectors.size()).name().ja())
          .append(",,")
          .append(20 + n % 5_000)
          .append(",,")
          .append(PREFECTURES[n % PREFECTURES.length])
          .append(",,info@")
          .append(code)
          .append(".example,,,業務システム\n");
    }
    OperatorImport operatorImport = mamori.getBean(OperatorImport.class);
    OperatorImport.Check check =
        operatorImport.check(
            Actor.SYSTEM,
            "bench-operators.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            OperatorImport.Encoding.UTF_8);
    if (check.hasErrors()) {
      throw new IllegalStateException("the bench operators do not import: " + check.errorLines());
    }
    OperatorImport.Result result =
        operatorImport.importRows(Actor.SYSTEM, check.upload(), OperatorImport.Scope.ALL);
    if (result.created() != organisations) {
      throw new IllegalStateException("imported " + result.created() + " of " + organisations);
    }
  }

  /** People spread evenly over the operators, each a reporter with a token for 2 days. */
  private static List<Person> people(JdbcClient jdbc, int organisations, int count) {
    List<Person> people = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      people.add(
          new Person(
              String.format(Locale.ROOT, "bench-%05d@bench.example", n),
              organisationCode(n % organisations),
              "mmr_" + random62(40)));
    }
    Instant now = Instant.now();
    for (int from = 0; from < count; from += CHUNK) {
      List<Person> chunk = people.subList(from, Math.min(count, from + CHUNK));
      String[] emails = chunk.stream().map(Person::email).toArray(String[]::new);
      String[] codes = chunk.stream().map(Person::organisation).toArray(String[]::new);
      jdbc.sql(
              """
              insert into person (id, email, display_name, active, created_at, version)
              select gen_random_uuid(), e, 'ベンチ 利用者 ' || n, true, :now, 0
                from unnest(cast(:emails as text[])) with ordinality as t(e, n)
              """)
          .param("emails", emails)
          .param("now", SqlTime.utc(now))
          .update();
      jdbc.sql(
              """
              insert into membership (id, person_id, organisation_id, job_title, roles)
              select gen_random_uuid(), p.id, o.id, '', '{reporter}'
                from unnest(cast(:emails as text[]), cast(:codes as text[])) as t(e, c)
                join person p on p.email = t.e
                join organisation o on o.code = t.c
              """)
          .param("emails", emails)
          .param("codes", codes)
          .update();
      jdbc.sql(
              """
              insert into api_token (id, person_id, organisation_id, name, token_prefix, token_hash,
                                     scope, created_at, expires_at)
              select gen_random_uuid(), p.id, o.id, 'bench', left(t.s, 10), t.h, 'WRITE', :now,
                     :expires
                from unnest(cast(:emails as text[]), cast(:codes as text[]),
                            cast(:secrets as text[]), cast(:hashes as text[])) as t(e, c, s, h)
                join person p on p.email = t.e
                join organisation o on o.code = t.c
              """)
          .param("emails", emails)
          .param("codes", codes)
          .param("secrets", chunk.stream().map(Person::token).toArray(String[]::new))
          .param("hashes", chunk.stream().map(p -> sha256(p.token())).toArray(String[]::new))
          .param("now", SqlTime.utc(now))
          .param("expires", SqlTime.utc(now.plus(Duration.ofDays(2))))
          .update();
    }
    jdbc.sql("analyze").update();
    return people;
  }

  private static String random62(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return out.toString();
  }

  /** As Mamori keeps a token: the lower-case hex SHA-256 of its UTF-8 bytes. */
  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
