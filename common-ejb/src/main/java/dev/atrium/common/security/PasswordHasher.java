package dev.atrium.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 with 210,000 iterations, a 128-bit random salt and a 512-bit output, as OWASP
 * ASVS 5.0 (V11.4) accepts. Hashes are self-describing,
 * {@code $pbkdf2-sha512$i=<iterations>$<salt>$<hash>}, so the cost can be raised later and old
 * hashes still verify.
 */
@ApplicationScoped
public class PasswordHasher {

  public static final int ITERATIONS = 210_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String PREFIX = "$pbkdf2-sha512$i=";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int iterations;
  private volatile String dummyHash;

  public PasswordHasher() {
    this(ITERATIONS);
  }

  PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, iterations);
    return PREFIX + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Constant-time comparison; a malformed or missing stored hash never verifies. */
  public boolean verify(String password, String stored) {
    if (password == null || stored == null || !stored.startsWith(PREFIX)) {
      return false;
    }
    String[] parts = stored.substring(PREFIX.length()).split("\\$");
    if (parts.length != 3) {
      return false;
    }
    try {
      int storedIterations = Integer.parseInt(parts[0]);
      byte[] salt = B64D.decode(parts[1]);
      byte[] expected = B64D.decode(parts[2]);
      return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Spends the same time as a real verification and fails: used for unknown or inactive users so
   * that response time does not tell which user names exist.
   */
  public boolean verifyDummy(String password) {
    String dummy = dummyHash;
    if (dummy == null) {
      dummy = hash("atrium-dummy-password-" + RANDOM.nextLong());
      dummyHash = dummy;
    }
    verify(password == null ? "" : password, dummy);
    return false;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    // SunJCE refuses an empty password; a NUL stands in, which no real password equals.
    char[] chars = password.isEmpty() ? new char[] {'\0'} : password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Not a password hash: the SHA-256 of a random token, to key stored sessions without the token. */
  public static String sha256Hex(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
