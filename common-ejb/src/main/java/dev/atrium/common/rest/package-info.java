/**
 * The HTTP edge both WARs share: the one JSON error body and the exception mappers that produce it,
 * JSON-B settings, the security-headers filter and the anonymous health probe. Each WAR lists
 * these classes in its JAX-RS application or web.xml, because EAR-level jars are not scanned.
 */
package dev.atrium.common.rest;
