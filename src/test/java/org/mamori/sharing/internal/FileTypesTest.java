package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypesTest {

  @Test
  void documentsImagesTextAndArchivesAreRecognisedByTheirFirstBytes() {
    assertThat(FileTypes.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
        .contains("application/pdf");
    assertThat(FileTypes.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
        .contains("image/png");
    assertThat(FileTypes.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
        .contains("image/jpeg");
    assertThat(FileTypes.of(new byte[] {'P', 'K', 3, 4, 20, 0})).contains("application/zip");
    assertThat(FileTypes.of("停電のログ\t09:00\r\n".getBytes(StandardCharsets.UTF_8)))
        .contains("text/plain; charset=UTF-8");
  }

  @Test
  void programsAndOtherBinariesAreNot() {
    assertThat(FileTypes.of(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
    assertThat(FileTypes.of(new byte[] {0x7f, 'E', 'L', 'F'})).isEmpty();
    assertThat(FileTypes.of(new byte[] {(byte) 0xc3, 0x28})).as("not UTF-8").isEmpty();
  }

  @Test
  void anUploadedNameKeepsOnlyItsLastPart() {
    assertThat(ReportDiscussion.displayName("..\\..\\windows\\認証ログ.txt")).isEqualTo("認証ログ.txt");
    assertThat(ReportDiscussion.displayName("/etc/passwd")).isEqualTo("passwd");
    assertThat(ReportDiscussion.displayName("a\u0000b\n.txt")).isEqualTo("ab.txt");
    assertThat(ReportDiscussion.displayName("")).isEqualTo("attachment");
  }
}
