package org.mamori.directory.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OperatorImport.Encoding;

/**
 * An uploaded CSV file as text. Decoding is strict: a byte sequence that is not valid in the chosen
 * encoding is refused rather than turned into replacement characters, so a wrongly guessed encoding
 * never slips through as mojibake.
 *
 * @param text the file's text, without a byte-order mark
 * @param encoding the name of the encoding it was read in, for people ("UTF-8", "Windows-31J")
 */
record CsvText(String text, String encoding) {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");
  static final String UTF_8_NAME = "UTF-8";
  static final String WINDOWS_31J_NAME = "Windows-31J";

  private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  /**
   * Reads the bytes in the chosen encoding; {@link Encoding#AUTOMATIC} tries UTF-8 first, then
   * Windows-31J.
   *
   * @throws DirectoryRuleViolation when the bytes are not text in that encoding
   */
  static CsvText decode(byte[] bytes, Encoding encoding) {
    refuseWhatIsNotCsv(bytes);
    boolean bom = startsWith(bytes, UTF_8_BOM);
    byte[] body = bom ? Arrays.copyOfRange(bytes, UTF_8_BOM.length, bytes.length) : bytes;
    CsvText text;
    if (encoding == Encoding.UTF_8) {
      text =
          strict(body, StandardCharsets.UTF_8, UTF_8_NAME)
              .orElseThrow(() -> new DirectoryRuleViolation("import.file.notUtf8"));
    } else if (encoding == Encoding.WINDOWS_31J) {
      if (bom) {
        // Windows-31J has no byte-order mark; these three bytes mean the file is UTF-8.
        throw new DirectoryRuleViolation("import.file.isUtf8");
      }
      text =
          strict(body, WINDOWS_31J, WINDOWS_31J_NAME)
              .orElseThrow(() -> new DirectoryRuleViolation("import.file.notWindows31j"));
    } else {
      text =
          strict(body, StandardCharsets.UTF_8, UTF_8_NAME)
              .or(() -> bom ? Optional.empty() : strict(body, WINDOWS_31J, WINDOWS_31J_NAME))
              .orElseThrow(() -> new DirectoryRuleViolation("import.file.unreadable"));
    }
    if (text.text().indexOf('\0') >= 0) {
      throw new DirectoryRuleViolation("import.file.notText");
    }
    return text;
  }

  /** Encodes text for a download, refusing characters the encoding lacks. */
  static byte[] encode(String text, Charset charset, boolean byteOrderMark) {
    try {
      ByteBuffer encoded =
          charset
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] body = new byte[encoded.remaining()];
      encoded.get(body);
      if (!byteOrderMark) {
        return body;
      }
      byte[] withBom = Arrays.copyOf(UTF_8_BOM, UTF_8_BOM.length + body.length);
      System.arraycopy(body, 0, withBom, UTF_8_BOM.length, body.length);
      return withBom;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text not encodable in " + charset, e);
    }
  }

  private static void refuseWhatIsNotCsv(byte[] bytes) {
    if (bytes.length == 0) {
      throw new DirectoryRuleViolation("import.file.empty");
    }
    if (startsWith(bytes, ZIP)) {
      // .xlsx files are zip archives: the most common wrong file.
      throw new DirectoryRuleViolation("import.file.excel");
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new DirectoryRuleViolation("import.file.utf16");
    }
  }

  private static Optional<CsvText> strict(byte[] bytes, Charset charset, String name) {
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(new CsvText(text, name));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
  }
}
