package org.mamori.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV template administrators download: every column's Japanese heading and one example row
 * that imports without errors. Uses only characters Windows-31J has, so both downloads carry it.
 */
final class OperatorImportTemplate {

  private static final Map<OperatorImportColumn, String> EXAMPLE =
      Map.ofEntries(
          Map.entry(OperatorImportColumn.CODE, "mihon-gas"),
          Map.entry(OperatorImportColumn.NAME_JA, "見本ガス㈱"),
          Map.entry(OperatorImportColumn.NAME_EN, "Mihon Gas Co., Ltd."),
          Map.entry(OperatorImportColumn.SECTOR, "ガス"),
          Map.entry(OperatorImportColumn.SIZE, ""),
          Map.entry(OperatorImportColumn.EMPLOYEES, "85"),
          Map.entry(OperatorImportColumn.CAPITAL_YEN, "50,000,000"),
          Map.entry(OperatorImportColumn.PREFECTURE, "静岡県"),
          Map.entry(OperatorImportColumn.WEBSITE, "https://www.mihon-gas.example"),
          Map.entry(OperatorImportColumn.EMAIL, "info@mihon-gas.example"),
          Map.entry(OperatorImportColumn.PHONE, "054-000-0000"),
          Map.entry(OperatorImportColumn.CEPTOARS, "ガスセプター"),
          Map.entry(OperatorImportColumn.SERVICES, "都市ガスの供給;ガス導管の維持管理"));

  private OperatorImportTemplate() {}

  /** The template as text, with Excel's CRLF line ends. */
  static String text() {
    List<OperatorImportColumn> columns = Arrays.asList(OperatorImportColumn.values());
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
      printer.printRecord(columns.stream().map(OperatorImportColumn::japanese));
      printer.printRecord(columns.stream().map(EXAMPLE::get));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
