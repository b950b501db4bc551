package org.mamori.directory.internal;

import static org.mamori.directory.internal.OperatorImportColumn.CAPITAL_YEN;
import static org.mamori.directory.internal.OperatorImportColumn.CEPTOARS;
import static org.mamori.directory.internal.OperatorImportColumn.CODE;
import static org.mamori.directory.internal.OperatorImportColumn.EMAIL;
import static org.mamori.directory.internal.OperatorImportColumn.EMPLOYEES;
import static org.mamori.directory.internal.OperatorImportColumn.NAME_EN;
import static org.mamori.directory.internal.OperatorImportColumn.NAME_JA;
import static org.mamori.directory.internal.OperatorImportColumn.PHONE;
import static org.mamori.directory.internal.OperatorImportColumn.PREFECTURE;
import static org.mamori.directory.internal.OperatorImportColumn.SECTOR;
import static org.mamori.directory.internal.OperatorImportColumn.SERVICES;
import static org.mamori.directory.internal.OperatorImportColumn.SIZE;
import static org.mamori.directory.internal.OperatorImportColumn.WEBSITE;

import java.math.BigInteger;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OperatorImport.Line;
import org.mamori.directory.OperatorImport.LineStatus;
import org.mamori.directory.OperatorImport.Violation;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.SizeClass;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each row of an operator file would do to today's directory: register a new operator, update
 * the operator with that code, change nothing, or nothing at all because of errors, each said in
 * plain words. Nothing here saves anything; rows without errors come with the organisation as it
 * would be saved.
 *
 * <p>On an update, the columns the file has replace what is stored (a blank cell clears it); the
 * columns it lacks are left as they are. A blank size means "from the sector's thresholds".
 */
@Component
class OperatorImportRules {

  /** The label of the contact the 代表メール and 代表電話 columns fill. */
  static final String MAIN_CONTACT = "代表";

  static final int MAX_NAME = 200;
  private static final Pattern CODE_FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,60}$");
  private static final Pattern EMAIL_FORMAT = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE_FORMAT = Pattern.compile("^\\+?[0-9()\\- ]{6,30}$");
  private static final Pattern WEBSITE_FORMAT =
      Pattern.compile("^https?://[^\\s/?#]+\\.[^\\s/?#]+([/?#]\\S*)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CEPTOAR_SEPARATORS = Pattern.compile("[;；、]");
  private static final Pattern SERVICE_SEPARATORS = Pattern.compile("[;；]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NUMBER_NOISE = Pattern.compile("[,\\s]|(円|人|名)$");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
  private static final int GENERATED_CODE_STEM = 50;

  private static final List<String> PREFECTURES =
      List.of(
          "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都",
          "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県",
          "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県",
          "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

  /** Each prefecture by its full name and by its name without 都, 府 or 県. */
  private static final Map<String, String> PREFECTURE_BY_NAME = prefecturesByName();

  private final JdbcClient jdbc;
  private final OperatorImportOrganisations organisations;
  private final SizeThresholds thresholds;
  private final Clock clock;

  OperatorImportRules(
      JdbcClient jdbc,
      OperatorImportOrganisations organisations,
      SizeThresholds thresholds,
      Clock clock) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  /**
   * One line of the plan.
   *
   * @param organisation the organisation as it would be saved; null when the line has errors
   * @param before its state before the import; null when new or when the line has errors
   */
  record PlannedLine(
      Line line,
      @Nullable Organisation organisation,
      @Nullable OrganisationState before,
      @Nullable OrganisationState after) {}

  /** What each row of the file would do, in file order. */
  List<PlannedLine> plan(OperatorImportFile file) {
    Snapshot directory = snapshot();
    List<Draft> drafts = file.rows().stream().map(row -> draft(row, file, directory)).toList();
    checkAcrossRows(drafts, directory);
    generateCodes(drafts, directory);
    Map<UUID, Organisation> existing =
        organisations.load(
            drafts.stream()
                .filter(d -> d.problems.isEmpty() && d.existing != null)
                .map(d -> d.existing.id())
                .toList());
    Instant now = clock.instant();
    return drafts.stream().map(d -> planLine(d, file, existing, directory, now)).toList();
  }

  private PlannedLine planLine(
      Draft draft,
      OperatorImportFile file,
      Map<UUID, Organisation> existing,
      Snapshot directory,
      Instant now) {
    if (!draft.problems.isEmpty()) {
      return new PlannedLine(
          new Line(
              draft.row.lineNumber(),
              LineStatus.ERROR,
              draft.code,
              false,
              draft.nameJa,
              draft.sector == null ? null : draft.sector.name(),
              null,
              false,
              List.copyOf(draft.problems)),
          null,
          null,
          null);
    }
    SectorRef sector = Objects.requireNonNull(draft.sector);
    Organisation organisation;
    OrganisationState before = null;
    if (draft.existing == null) {
      organisation =
          Organisation.register(
              draft.code,
              EnumSet.of(OrganisationKind.OPERATOR),
              new LocalizedText(draft.nameJa, draft.nameEn),
              new SectorId(sector.id()),
              now);
    } else {
      organisation = Objects.requireNonNull(existing.get(draft.existing.id()));
      before = OrganisationState.of(organisation);
    }
    apply(draft, organisation, file);
    OrganisationState after = OrganisationState.of(organisation);
    LineStatus status =
        before == null
            ? LineStatus.NEW
            : before.equals(after) ? LineStatus.UNCHANGED : LineStatus.UPDATE;
    SizeClass explicit = organisation.explicitSizeClass();
    SizeClass size =
        explicit != null
            ? explicit
            : directory.classify(sector.id(), organisation.employees(), organisation.capitalYen());
    return new PlannedLine(
        new Line(
            draft.row.lineNumber(),
            status,
            draft.code,
            draft.codeGenerated,
            draft.nameJa,
            sector.name(),
            size,
            explicit == null && size != null,
            List.of()),
        organisation,
        before,
        after);
  }

  /** Applies the columns the file has; the others keep what the organisation holds. */
  private static void apply(Draft draft, Organisation organisation, OperatorImportFile file) {
    SectorRef sector = Objects.requireNonNull(draft.sector);
    organisation.rename(
        new LocalizedText(
            draft.nameJa, file.has(NAME_EN) ? draft.nameEn : organisation.name().en()));
    organisation.classify(organisation.kinds(), new SectorId(sector.id()));
    organisation.describeSize(
        file.has(EMPLOYEES) ? draft.employees : organisation.employees(),
        file.has(CAPITAL_YEN) ? draft.capitalYen : organisation.capitalYen(),
        file.has(SIZE) ? draft.size : organisation.explicitSizeClass());
    organisation.locate(
        file.has(PREFECTURE) ? draft.prefecture : organisation.prefecture(),
        file.has(WEBSITE) ? draft.website : organisation.website(),
        organisation.country());
    if (file.has(EMAIL) || file.has(PHONE)) {
      organisation.replaceContacts(withMainContact(draft, organisation, file));
    }
    if (file.has(SERVICES)) {
      organisation.replaceServices(withServices(draft.services, sector.id(), organisation));
    }
    if (file.has(CEPTOARS)) {
      organisation.joinCeptoars(draft.ceptoars);
    }
  }

  /** The main contact first, then the organisation's other contacts as they were. */
  private static List<Contact> withMainContact(
      Draft draft, Organisation organisation, OperatorImportFile file) {
    List<Contact> current = organisation.contactsInOrder();
    Contact main =
        current.stream().filter(c -> MAIN_CONTACT.equals(c.label())).findFirst().orElse(null);
    String email = file.has(EMAIL) ? draft.email : main == null ? null : main.email();
    String phone = file.has(PHONE) ? draft.phone : main == null ? null : main.phone();
    List<Contact> contacts = new ArrayList<>();
    if (email != null || phone != null) {
      UUID id = main == null ? UUID.randomUUID() : main.id();
      contacts.add(new Contact(id, MAIN_CONTACT, email, phone, 0));
    }
    for (Contact other : current) {
      if (!MAIN_CONTACT.equals(other.label())) {
        contacts.add(
            new Contact(other.id(), other.label(), other.email(), other.phone(), contacts.size()));
      }
    }
    return contacts;
  }

  /**
   * The named services in the operator's sector (keeping the English name and description of those
   * it already has), then its services in other sectors as they were.
   */
  private static List<OperatorService> withServices(
      List<String> names, UUID sector, Organisation organisation) {
    List<OperatorService> current = organisation.servicesInOrder();
    List<OperatorService> services = new ArrayList<>();
    for (String name : names) {
      OperatorService known =
          current.stream()
              .filter(s -> s.sectorId().equals(sector) && s.nameJa().equals(name))
              .findFirst()
              .orElse(null);
      services.add(
          known == null
              ? OperatorService.of(sector, name, "", services.size())
              : new OperatorService(
                  known.id(), sector, name, known.nameEn(), known.description(), services.size()));
    }
    for (OperatorService other : current) {
      if (!other.sectorId().equals(sector)) {
        services.add(
            new OperatorService(
                other.id(),
                other.sectorId(),
                other.nameJa(),
                other.nameEn(),
                other.description(),
                services.size()));
      }
    }
    return services;
  }

  /** Reads one row's values, noting every problem found in the row on its own. */
  private static Draft draft(
      OperatorImportFile.Row row, OperatorImportFile file, Snapshot directory) {
    Draft d = new Draft(row);
    String writtenCode = row.get(CODE);
    d.code =
        Normalizer.normalize(writtenCode, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    if (!d.code.isEmpty() && !CODE_FORMAT.matcher(d.code).matches()) {
      d.problem("import.row.code.invalid", writtenCode);
    }
    d.nameJa = row.get(NAME_JA);
    if (d.nameJa.isEmpty()) {
      d.problem("import.row.name.required");
    } else {
      d.checkLength(d.nameJa, file.written(NAME_JA));
    }
    d.nameEn = row.get(NAME_EN);
    d.checkLength(d.nameEn, file.written(NAME_EN));
    String sector = row.get(SECTOR);
    if (sector.isEmpty()) {
      d.problem("import.row.sector.required");
    } else {
      d.sector = directory.sector(sector);
      if (d.sector == null) {
        d.problem("import.row.sector.unknown", sector);
      }
    }
    d.size = size(row.get(SIZE), d);
    Long employees =
        whole(row.get(EMPLOYEES), Integer.MAX_VALUE, "import.row.employees.invalid", d);
    d.employees = employees == null ? null : employees.intValue();
    d.capitalYen = whole(row.get(CAPITAL_YEN), Long.MAX_VALUE, "import.row.capital.invalid", d);
    d.prefecture = prefecture(row.get(PREFECTURE), d);
    d.website = matching(row.get(WEBSITE), WEBSITE_FORMAT, 500, "import.row.website.invalid", d);
    d.email = matching(row.get(EMAIL), EMAIL_FORMAT, 254, "import.row.email.invalid", d);
    d.phone = phone(row.get(PHONE), d);
    for (String name : split(row.get(CEPTOARS), CEPTOAR_SEPARATORS)) {
      OrganisationRef ceptoar = directory.ceptoar(name);
      if (ceptoar == null) {
        d.problem("import.row.ceptoar.unknown", name);
      } else if (!ceptoar.is(OrganisationKind.CEPTOAR)) {
        d.problem("import.row.ceptoar.notCeptoar", name);
      } else {
        d.ceptoars.add(new OrganisationId(ceptoar.id()));
      }
    }
    for (String service : split(row.get(SERVICES), SERVICE_SEPARATORS)) {
      d.checkLength(service, file.written(SERVICES));
      d.services.add(service);
    }
    if (row.extraValues()) {
      d.problem("import.row.extraValues");
    }
    return d;
  }

  /** Problems only visible across rows: repeated codes and names, codes of other kinds. */
  private static void checkAcrossRows(List<Draft> drafts, Snapshot directory) {
    Map<String, Integer> lineOfCode = new HashMap<>();
    Map<String, Integer> lineOfUncodedName = new HashMap<>();
    for (Draft d : drafts) {
      if (!d.code.isEmpty()) {
        Integer earlier = lineOfCode.putIfAbsent(d.code, d.row.lineNumber());
        if (earlier != null) {
          d.problem("import.row.code.repeated", d.code, earlier);
        }
        d.existing = directory.byCode.get(d.code);
        if (d.existing != null && !d.existing.is(OrganisationKind.OPERATOR)) {
          d.problem("import.row.code.notOperator", d.code, d.existing.nameJa());
          d.existing = null;
        }
      } else if (!d.nameJa.isEmpty()) {
        String name = key(d.nameJa);
        Integer earlier = lineOfUncodedName.putIfAbsent(name, d.row.lineNumber());
        if (earlier != null) {
          d.problem("import.row.name.repeated", earlier);
        }
        OrganisationRef namesake = directory.byName.get(name);
        if (namesake != null) {
          d.problem("import.row.name.exists", namesake.nameJa(), namesake.code());
        }
      }
    }
  }

  /**
   * Gives each new row without a code one made from its English name (else its sector), unique
   * among today's organisations and the codes in the file.
   */
  private static void generateCodes(List<Draft> drafts, Snapshot directory) {
    Set<String> taken = new HashSet<>(directory.byCode.keySet());
    drafts.forEach(d -> taken.add(d.code));
    for (Draft d : drafts) {
      if (!d.code.isEmpty() || !d.problems.isEmpty()) {
        continue;
      }
      String stem = slug(d.nameEn);
      if (stem.length() < 2) {
        stem = Objects.requireNonNull(d.sector).code() + "-operator";
      }
      String code = stem;
      for (int n = 2; taken.contains(code); n++) {
        code = stem + "-" + n;
      }
      taken.add(code);
      d.code = code;
      d.codeGenerated = true;
    }
  }

  private static String slug(String text) {
    String slug =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > GENERATED_CODE_STEM) {
      slug = slug.substring(0, GENERATED_CODE_STEM).replaceAll("-+$", "");
    }
    return slug;
  }

  private static @Nullable SizeClass size(String text, Draft d) {
    if (text.isEmpty()) {
      return null;
    }
    return switch (key(text)) {
      case "大規模", "大", "large" -> SizeClass.LARGE;
      case "中小", "中小企業", "中小規模", "sme", "small" -> SizeClass.SME;
      default -> {
        d.problem("import.row.size.invalid", text);
        yield null;
      }
    };
  }

  /**
   * A whole number of at most {@code max}, written with or without thousands separators (1,000), in
   * half- or full-width digits, optionally followed by a unit (円, 人, 名).
   */
  private static @Nullable Long whole(String text, long max, String problemKey, Draft d) {
    if (text.isEmpty()) {
      return null;
    }
    String digits =
        NUMBER_NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    if (!DIGITS.matcher(digits).matches()
        || new BigInteger(digits).compareTo(BigInteger.valueOf(max)) > 0) {
      d.problem(problemKey, text);
      return null;
    }
    return Long.valueOf(digits);
  }

  private static @Nullable String prefecture(String text, Draft d) {
    if (text.isEmpty()) {
      return null;
    }
    String found = PREFECTURE_BY_NAME.get(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
    if (found == null) {
      d.problem("import.row.prefecture.unknown", text);
    }
    return found;
  }

  private static @Nullable String matching(
      String text, Pattern format, int maxLength, String problemKey, Draft d) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > maxLength || !format.matcher(text).matches()) {
      d.problem(problemKey, text);
      return null;
    }
    return text;
  }

  private static @Nullable String phone(String text, Draft d) {
    if (text.isEmpty()) {
      return null;
    }
    String phone = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    long digits = phone.chars().filter(Character::isDigit).count();
    if (!PHONE_FORMAT.matcher(phone).matches() || digits < 6) {
      d.problem("import.row.phone.invalid", text);
      return null;
    }
    return phone;
  }

  private static List<String> split(String text, Pattern separators) {
    return Arrays.stream(separators.split(text))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new))
        .stream()
        .toList();
  }

  /** How names, codes and headings are compared: NFKC, no case, single spaces. */
  static String key(String text) {
    return SPACES
        .matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip())
        .replaceAll(" ")
        .toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> prefecturesByName() {
    Map<String, String> names = new HashMap<>();
    for (String prefecture : PREFECTURES) {
      names.put(prefecture, prefecture);
      if (prefecture.matches(".+[都府県]$")) {
        names.put(prefecture.substring(0, prefecture.length() - 1), prefecture);
      }
    }
    return Map.copyOf(names);
  }

  /** One row as read, with its problems; filled in step by step. */
  private static final class Draft {
    final OperatorImportFile.Row row;
    final List<Violation> problems = new ArrayList<>();
    String code = "";
    boolean codeGenerated;
    String nameJa = "";
    String nameEn = "";
    @Nullable SectorRef sector;
    @Nullable SizeClass size;
    @Nullable Integer employees;
    @Nullable Long capitalYen;
    @Nullable String prefecture;
    @Nullable String website;
    @Nullable String email;
    @Nullable String phone;
    final Set<OrganisationId> ceptoars = new HashSet<>();
    final List<String> services = new ArrayList<>();
    @Nullable OrganisationRef existing;

    Draft(OperatorImportFile.Row row) {
      this.row = row;
    }

    void problem(String messageKey, Object... arguments) {
      problems.add(new Violation(messageKey, arguments));
    }

    void checkLength(String value, String heading) {
      if (value.length() > MAX_NAME) {
        problem("import.row.tooLong", heading, MAX_NAME);
      }
    }
  }

  private Snapshot snapshot() {
    List<SectorRef> sectors =
        jdbc.sql(
                """
                select id, code, name_ja, name_en from sector
                where designated_on <= :today and (retired_on is null or retired_on > :today)
                """)
            .param("today", JapanDate.today(clock))
            .query(SectorRef.class)
            .list();
    List<OrganisationRef> all =
        jdbc.sql("select id, code, kinds, name_ja, name_en from organisation")
            .query(
                (rs, i) ->
                    new OrganisationRef(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        Set.of((String[]) rs.getArray("kinds").getArray()),
                        rs.getString("name_ja"),
                        rs.getString("name_en")))
            .list();
    Map<UUID, SizeThreshold> bySector = new HashMap<>();
    SizeThreshold fallback = null;
    for (SizeThreshold threshold : thresholds.findAll()) {
      if (threshold.sectorId() == null) {
        fallback = threshold;
      } else {
        bySector.put(threshold.sectorId(), threshold);
      }
    }
    return new Snapshot(sectors, all, bySector, fallback);
  }

  record SectorRef(UUID id, String code, String nameJa, String nameEn) {
    LocalizedText name() {
      return new LocalizedText(nameJa, nameEn);
    }
  }

  record OrganisationRef(UUID id, String code, Set<String> kinds, String nameJa, String nameEn) {
    boolean is(OrganisationKind kind) {
      return kinds.contains(kind.name());
    }
  }

  /** The part of today's directory the rules look things up in, read once per plan. */
  private static final class Snapshot {
    private final Map<String, SectorRef> sectors = new HashMap<>();
    private final Map<String, OrganisationRef> byCode = new HashMap<>();
    private final Map<String, OrganisationRef> byName = new HashMap<>();
    private final Map<String, OrganisationRef> ceptoars = new HashMap<>();
    private final Map<UUID, SizeThreshold> thresholds;
    private final @Nullable SizeThreshold fallback;

    Snapshot(
        List<SectorRef> sectorList,
        List<OrganisationRef> organisations,
        Map<UUID, SizeThreshold> thresholds,
        @Nullable SizeThreshold fallback) {
      this.thresholds = thresholds;
      this.fallback = fallback;
      for (SectorRef sector : sectorList) {
        for (String name : List.of(sector.code(), sector.nameJa(), sector.nameEn())) {
          sectors.putIfAbsent(key(name), sector);
        }
      }
      for (OrganisationRef organisation : organisations) {
        byCode.put(organisation.code(), organisation);
        byName.putIfAbsent(key(organisation.nameJa()), organisation);
      }
      // A CEPTOAR's code or name finds the CEPTOAR even when another organisation shares the name.
      for (OrganisationRef organisation : organisations) {
        for (String name :
            List.of(organisation.code(), organisation.nameJa(), organisation.nameEn())) {
          if (name.isBlank()) {
            continue;
          }
          OrganisationRef known = ceptoars.get(key(name));
          if (known == null
              || (!known.is(OrganisationKind.CEPTOAR)
                  && organisation.is(OrganisationKind.CEPTOAR))) {
            ceptoars.put(key(name), organisation);
          }
        }
      }
    }

    @Nullable SectorRef sector(String text) {
      return sectors.get(key(text));
    }

    /** The organisation a CEPTOAR cell names, a CEPTOAR where one answers to it. */
    @Nullable OrganisationRef ceptoar(String text) {
      return ceptoars.get(key(text));
    }

    /** The size the thresholds give: the sector's own, else the default. */
    @Nullable SizeClass classify(UUID sector, @Nullable Integer employees, @Nullable Long capital) {
      SizeThreshold threshold = thresholds.getOrDefault(sector, fallback);
      return threshold == null ? null : threshold.classify(employees, capital);
    }
  }

  /**
   * An organisation's state as the import sees it: what the audit digest covers, and what tells an
   * update from a line that changes nothing.
   */
  record OrganisationState(
      String code,
      List<String> kinds,
      String nameJa,
      String nameEn,
      @Nullable UUID sector,
      @Nullable SizeClass sizeClass,
      @Nullable Integer employees,
      @Nullable Long capitalYen,
      @Nullable String prefecture,
      @Nullable String website,
      @Nullable String country,
      boolean active,
      List<String> contacts,
      List<String> services,
      List<UUID> ceptoars) {

    static OrganisationState of(Organisation o) {
      SectorId sector = o.sector();
      return new OrganisationState(
          o.code(),
          o.kinds().stream().map(Enum::name).sorted().toList(),
          o.name().ja(),
          o.name().en(),
          sector == null ? null : sector.value(),
          o.explicitSizeClass(),
          o.employees(),
          o.capitalYen(),
          o.prefecture(),
          o.website(),
          o.country(),
          o.active(),
          o.contactsInOrder().stream()
              .map(c -> c.label() + " | " + c.email() + " | " + c.phone())
              .toList(),
          o.servicesInOrder().stream()
              .map(s -> s.sectorId() + " | " + s.nameJa() + " | " + s.nameEn())
              .toList(),
          o.ceptoarIds().stream().map(OrganisationId::value).sorted().toList());
    }
  }
}
