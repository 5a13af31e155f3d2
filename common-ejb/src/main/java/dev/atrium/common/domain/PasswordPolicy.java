package dev.atrium.common.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The password rules of the settings {@code MinPasswordLength} and
 * {@code MinPassword{Lowercase,Uppercase,Numeric,Special}CharCount}. Lengths count Unicode code
 * points; "special" is anything that is not a letter or a digit (spaces included).
 */
public record PasswordPolicy(int minLength, int minLowercase, int minUppercase, int minDigits, int minSpecial) {

  /** The rules as they apply to a user (their own settings, their roles', the defaults). */
  public static PasswordPolicy of(SettingsSnapshot s, java.util.UUID user, List<java.util.UUID> roles) {
    return new PasswordPolicy(s.resolveInt("MinPasswordLength", user, roles),
        s.resolveInt("MinPasswordLowercaseCharCount", user, roles),
        s.resolveInt("MinPasswordUppercaseCharCount", user, roles),
        s.resolveInt("MinPasswordNumericCharCount", user, roles),
        s.resolveInt("MinPasswordSpecialCharCount", user, roles));
  }

  /** The longest password accepted, to bound hashing work. */
  public static final int MAX_LENGTH = 1024;

  /** What the password lacks; empty when it complies. */
  public List<String> problems(String password) {
    List<String> problems = new ArrayList<>();
    if (password == null) {
      problems.add("is required");
      return problems;
    }
    int length = password.codePointCount(0, password.length());
    if (length < minLength) {
      problems.add("must have at least " + minLength + " characters");
    }
    if (length > MAX_LENGTH) {
      problems.add("must have at most " + MAX_LENGTH + " characters");
    }
    long lower = password.codePoints().filter(Character::isLowerCase).count();
    long upper = password.codePoints().filter(Character::isUpperCase).count();
    long digits = password.codePoints().filter(Character::isDigit).count();
    long special = password.codePoints().filter(c -> !Character.isLetterOrDigit(c)).count();
    if (lower < minLowercase) {
      problems.add("must have at least " + minLowercase + " lower-case letters");
    }
    if (upper < minUppercase) {
      problems.add("must have at least " + minUppercase + " upper-case letters");
    }
    if (digits < minDigits) {
      problems.add("must have at least " + minDigits + " digits");
    }
    if (special < minSpecial) {
      problems.add("must have at least " + minSpecial + " special characters");
    }
    return problems;
  }
}
