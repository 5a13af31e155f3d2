package dev.atrium.common.domain;

/** The kinds of security event the audit log records ({@code SysAuditLog.EventType}). */
public enum AuditEvent {
  SIGN_IN,
  SIGN_IN_FAILED,
  LOCKED_OUT,
  UNLOCKED,
  SIGN_OUT,
  PASSWORD_CHANGED,
  PASSWORD_RESET,
  SESSIONS_ENDED,
  USER_CREATED,
  USER_CHANGED,
  USER_DELETED,
  ROLE_CREATED,
  ROLE_CHANGED,
  ROLE_DELETED,
  MEMBERSHIP_CHANGED,
  OPERATION_GRANTED,
  OPERATION_REVOKED,
  SETTING_CHANGED,
  TOKEN_ISSUED
}
