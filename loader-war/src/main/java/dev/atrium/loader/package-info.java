/**
 * The loader WAR at {@code /}: the sign-in page, {@code /ServiceModel/AuthService.svc} of the
 * established wire contract, and the health probe. After sign-in it sends the browser on to the
 * configuration WAR at {@code /0/}.
 */
package dev.atrium.loader;
