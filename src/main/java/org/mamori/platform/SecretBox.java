package org.mamori.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets Mamori must read back (a remote server's password, say) with AES-256-GCM under one
 * purpose's key from the {@link KeyRing}, so a copy of the database alone reveals none of them. The
 * row a secret belongs to is bound in as associated data: a sealed secret copied to another row
 * does not open.
 */
public final class SecretBox {

  private static final String FORMAT = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String purpose;
  private final SecretKey key;

  public SecretBox(KeyRing keys, String purpose) {
    this.purpose = purpose;
    this.key = new SecretKeySpec(keys.key(purpose), "AES");
  }

  /** {@code v1:} and base64 of a fresh 96-bit IV followed by the ciphertext and its tag. */
  public String seal(String owner, String secret) {
    return seal(owner, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #seal(String, String)}, for a secret that is not text. */
  public String seal(String owner, byte[] secret) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(owner));
      byte[] sealed = cipher.doFinal(secret);
      return FORMAT
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws IllegalStateException if it was not sealed for this owner with this key (a changed
   *     master secret, or tampering)
   */
  public String open(String owner, String sealedText) {
    return new String(openBytes(owner, sealedText), StandardCharsets.UTF_8);
  }

  /** As {@link #open}, for a secret that is not text. */
  public byte[] openBytes(String owner, String sealedText) {
    if (!sealedText.startsWith(FORMAT)) {
      throw new IllegalStateException("unknown sealed secret format");
    }
    byte[] in = Base64.getDecoder().decode(sealedText.substring(FORMAT.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(in, IV_BYTES)));
      cipher.updateAAD(associatedData(owner));
      return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open a sealed " + purpose + " secret: was MAMORI_SECRET_KEY changed?", e);
    }
  }

  private byte[] associatedData(String owner) {
    return ("mamori-" + purpose + ":" + owner).getBytes(StandardCharsets.UTF_8);
  }
}
