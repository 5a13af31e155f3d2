package dev.atrium.common.application;

/**
 * The outcome of a sign-in or password change; the tokens are set only when a session was granted,
 * {@code passwordChangeUrl} only when the password must be changed first (Code 5).
 */
public record SignInResult(LoginCode code, String message, String userName, String sessionToken, String csrfToken,
    String passwordChangeUrl) {

  static final String INVALID_CREDENTIALS = "Invalid user name or password.";
  /** The page where a user changes an expired or reset password. */
  public static final String PASSWORD_CHANGE_PAGE = "/ChangePassword";

  static SignInResult failed() {
    return refused(INVALID_CREDENTIALS);
  }

  static SignInResult refused(String message) {
    return new SignInResult(LoginCode.FAILURE, message, null, null, null, null);
  }

  public boolean hasSession() {
    return sessionToken != null;
  }
}
