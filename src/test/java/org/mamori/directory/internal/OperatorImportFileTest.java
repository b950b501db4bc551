package org.mamori.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OperatorImport.Encoding;

class OperatorImportFileTest {

  @Test
  void automaticReadsUtf8WithOrWithoutItsByteOrderMark() {
    byte[] plain = "組織名,分野\n見本㈱①,ガス\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = CsvText.encode("組織名,分野\n見本㈱①,ガス\n", StandardCharsets.UTF_8, true);

    assertThat(CsvText.decode(plain, Encoding.AUTOMATIC))
        .isEqualTo(new CsvText("組織名,分野\n見本㈱①,ガス\n", "UTF-8"));
    assertThat(CsvText.decode(withBom, Encoding.AUTOMATIC).text()).startsWith("組織名");
  }

  @Test
  void automaticFallsBackToWindows31jAndKeepsItsOwnCharacters() {
    byte[] sjis = "組織名,分野\n見本㈱①,ガス\n".getBytes(CsvText.WINDOWS_31J);

    CsvText text = CsvText.decode(sjis, Encoding.AUTOMATIC);

    assertThat(text.encoding()).isEqualTo("Windows-31J");
    assertThat(text.text()).contains("見本㈱①");
  }

  @Test
  void aChosenEncodingIsReadStrictly() {
    byte[] sjis = "組織名,分野\n".getBytes(CsvText.WINDOWS_31J);
    byte[] utf8WithBom = CsvText.encode("組織名,分野\n", StandardCharsets.UTF_8, true);

    assertRefused(() -> CsvText.decode(sjis, Encoding.UTF_8), "import.file.notUtf8");
    assertRefused(() -> CsvText.decode(utf8WithBom, Encoding.WINDOWS_31J), "import.file.isUtf8");
  }

  @Test
  void filesThatAreNotCsvTextAreNamedForWhatTheyAre() {
    assertRefused(() -> CsvText.decode(new byte[0], Encoding.AUTOMATIC), "import.file.empty");
    assertRefused(
        () -> CsvText.decode(new byte[] {'P', 'K', 3, 4, 20, 0}, Encoding.AUTOMATIC),
        "import.file.excel");
    assertRefused(
        () -> CsvText.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, Encoding.AUTOMATIC),
        "import.file.utf16");
    assertRefused(
        () -> CsvText.decode(new byte[] {'a', 0, 'b'}, Encoding.AUTOMATIC), "import.file.notText");
  }

  @Test
  void headingsAreFoundInAnyOrderInJapaneseOrEnglish() {
    OperatorImportFile file =
        OperatorImportFile.parse("Sector,組織名(英語),NAME_JA,備考\r\nガス,Mihon Gas,見本ガス㈱,メモ\r\n");

    assertThat(file.has(OperatorImportColumn.SECTOR)).isTrue();
    assertThat(file.has(OperatorImportColumn.NAME_EN)).isTrue();
    assertThat(file.has(OperatorImportColumn.CODE)).isFalse();
    assertThat(file.ignoredHeadings()).containsExactly("備考");
    assertThat(file.rows().get(0).get(OperatorImportColumn.NAME_JA)).isEqualTo("見本ガス㈱");
    assertThat(file.rows().get(0).get(OperatorImportColumn.CODE)).isEmpty();
  }

  @Test
  void rowsKnowTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() {
    String text =
        "組織名,分野,サービス\n" + "一行目㈱,ガス,供給\n" + "\n" + "二行にまたがる㈱,ガス,\"供給\n保守\"\n" + "その後㈱,ガス,\n";

    OperatorImportFile file = OperatorImportFile.parse(text);

    assertThat(file.rows()).extracting(OperatorImportFile.Row::lineNumber).containsExactly(2, 4, 6);
  }

  @Test
  void aMissingRequiredColumnOrARepeatedHeadingRefusesTheFile() {
    assertRefused(() -> OperatorImportFile.parse("組織名,規模\nA,中小\n"), "import.file.missingHeadings");
    assertRefused(() -> OperatorImportFile.parse("a,b\n1,2\n"), "import.file.noHeadings");
    assertRefused(
        () -> OperatorImportFile.parse("組織名,分野,name_ja\nA,ガス,B\n"), "import.file.repeatedHeading");
    assertRefused(() -> OperatorImportFile.parse("組織名,分野\n\n"), "import.file.noRows");
  }

  @Test
  void anUnclosedQuoteIsReportedNearItsLine() {
    DirectoryRuleViolation refusal =
        refusal(() -> OperatorImportFile.parse("組織名,分野\nA,ガス\nB,ガス\n\"C,ガス\nD,ガス\n"));

    assertThat(refusal.messageKey()).isEqualTo("import.file.malformed");
    assertThat(refusal.arguments()).containsExactly(4);
  }

  @Test
  void moreRowsThanTheLimitRefuseTheFile() {
    StringBuilder text = new StringBuilder("組織名,分野\n");
    for (int i = 0; i <= 10_000; i++) {
      text.append("事業者").append(i).append(",ガス\n");
    }

    DirectoryRuleViolation refusal = refusal(() -> OperatorImportFile.parse(text.toString()));

    assertThat(refusal.messageKey()).isEqualTo("import.file.tooManyRows");
    assertThat(refusal.arguments()).containsExactly("10,001", "10,000");
  }

  @Test
  void theTemplateHasEveryHeadingAndSurvivesWindows31j() {
    String template = OperatorImportTemplate.text();
    byte[] sjis = CsvText.encode(template, CsvText.WINDOWS_31J, false);

    OperatorImportFile file =
        OperatorImportFile.parse(CsvText.decode(sjis, Encoding.AUTOMATIC).text());

    assertThat(file.headings()).hasSize(OperatorImportColumn.values().length);
    assertThat(file.ignoredHeadings()).isEmpty();
    assertThat(file.rows())
        .singleElement()
        .satisfies(row -> assertThat(row.get(OperatorImportColumn.NAME_JA)).isEqualTo("見本ガス㈱"));
  }

  private static void assertRefused(Runnable action, String messageKey) {
    assertThat(refusal(action).messageKey()).isEqualTo(messageKey);
  }

  private static DirectoryRuleViolation refusal(Runnable action) {
    try {
      action.run();
    } catch (DirectoryRuleViolation refusal) {
      return refusal;
    }
    throw new AssertionError("expected a refusal");
  }
}
