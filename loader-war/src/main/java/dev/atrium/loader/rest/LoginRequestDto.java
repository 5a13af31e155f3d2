package dev.atrium.loader.rest;

/**
 * The sign-in request of the wire contract. Clients may also send {@code WorkspaceName},
 * {@code TimeZoneOffset}, {@code ProviderName}, {@code ClaimList}: accepted and ignored.
 */
public record LoginRequestDto(String userName, String userPassword) {}
