package dev.atrium.common.application;

/** The {@code Code} of the sign-in response of the established wire contract. */
public enum LoginCode {
  SUCCESS(0),
  FAILURE(1),
  SUCCESS_PASSWORD_CHANGE_RECOMMENDED(2),
  NO_LICENCE_MAY_MANAGE_LICENCES(3),
  NO_LICENCE(4),
  PASSWORD_EXPIRED(5);

  private final int value;

  LoginCode(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }
}
