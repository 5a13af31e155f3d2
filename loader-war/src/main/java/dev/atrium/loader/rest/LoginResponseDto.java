package dev.atrium.loader.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The sign-in response of the wire contract, always with HTTP 200:
 * {@code {"Code":0,"Message":"","Exception":null,"PasswordChangeUrl":null,"RedirectUrl":null}}.
 */
@JsonbNillable
@JsonbPropertyOrder({"code", "message", "exception", "passwordChangeUrl", "redirectUrl"})
public record LoginResponseDto(int code, String message, Object exception, String passwordChangeUrl, String redirectUrl) {

  static LoginResponseDto of(int code, String message) {
    return new LoginResponseDto(code, message, null, null, null);
  }
}
