package dev.atrium.loader.rest;

/** A password change: the user, the current password, the new one. */
public record ChangePasswordRequestDto(String userName, String userPassword, String newUserPassword) {}
