package org.mamori.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  @Test
  void everyEnrolmentQrCodeReadsBackAsItsOtpauthAddress() throws Exception {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      byte[] secret = new byte[20];
      random.nextBytes(secret);
      String uri =
          "otpauth://totp/Mamori:t"
              + i
              + "%40example.jp?secret="
              + Base32.encode(secret)
              + "&issuer=Mamori&digits=6&period=30";
      assertThat(decode(QrCodes.pngDataUri(uri))).isEqualTo(uri);
    }
  }

  static String decode(String dataUri) throws Exception {
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()))));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
