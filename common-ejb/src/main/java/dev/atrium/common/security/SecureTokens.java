package dev.atrium.common.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for session ids, CSRF tokens and generated passwords. */
public final class SecureTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private SecureTokens() {}

  /** 256 random bits, URL- and cookie-safe (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A password of unambiguous letters and digits; 20 characters carry about 116 bits. */
  public static String newPassword(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return sb.toString();
  }
}
