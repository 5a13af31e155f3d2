package dev.atrium.common.application;

/** The outcome of a sign-in; the tokens are set only when a session was granted. */
public record SignInResult(LoginCode code, String message, String userName, String sessionToken, String csrfToken) {

  static final String INVALID_CREDENTIALS = "Invalid user name or password.";

  static SignInResult failed() {
    return new SignInResult(LoginCode.FAILURE, INVALID_CREDENTIALS, null, null, null);
  }

  public boolean hasSession() {
    return sessionToken != null;
  }
}
