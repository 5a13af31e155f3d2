/**
 * The configuration WAR at {@code /0}: business endpoints for integrators ({@code /0/rest/...}) and
 * the browser application. Every call is authenticated by the session the loader created.
 */
package dev.atrium.webapp;
