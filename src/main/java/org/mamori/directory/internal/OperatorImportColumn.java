package org.mamori.directory.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of an operator CSV file, found by their heading: Japanese first, English accepted
 * too, in any order. Headings are compared after NFKC normalisation, so full-width brackets and
 * spaces, and upper or lower case, do not matter.
 */
enum OperatorImportColumn {
  CODE(false, "組織コード", "code"),
  NAME_JA(true, "組織名", "name_ja", "name"),
  NAME_EN(false, "組織名（英語）", "name_en"),
  SECTOR(true, "分野", "sector"),
  SIZE(false, "規模", "size"),
  EMPLOYEES(false, "従業員数", "employees"),
  CAPITAL_YEN(false, "資本金（円）", "capital_yen", "資本金", "capital"),
  PREFECTURE(false, "都道府県", "prefecture"),
  WEBSITE(false, "ウェブサイト", "website"),
  EMAIL(false, "代表メール", "email"),
  PHONE(false, "代表電話", "phone"),
  CEPTOARS(false, "セプター", "ceptoar", "ceptoars"),
  SERVICES(false, "サービス", "service", "services");

  private final boolean required;
  private final String japanese;
  private final String english;
  private final List<String> headings;

  OperatorImportColumn(boolean required, String japanese, String english, String... others) {
    this.required = required;
    this.japanese = japanese;
    this.english = english;
    this.headings =
        Stream.concat(Stream.of(japanese, english), Stream.of(others))
            .map(OperatorImportColumn::normalise)
            .toList();
  }

  static Optional<OperatorImportColumn> byHeading(String heading) {
    String wanted = normalise(heading);
    for (OperatorImportColumn column : values()) {
      if (column.headings.contains(wanted)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s-]+", "_");
  }

  boolean required() {
    return required;
  }

  /** The heading Mamori writes, in Japanese. */
  String japanese() {
    return japanese;
  }

  /** The English heading also accepted. */
  String english() {
    return english;
  }

  /** Both headings, for messages read in either language. */
  String bothHeadings() {
    return japanese + " (" + english + ")";
  }
}
