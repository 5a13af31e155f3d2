/**
 * The domain: JPA entities of CRM objects and of the system (admin units), value types, and the
 * business exception with its stable error codes. Nothing here knows about HTTP or Redis.
 */
package dev.atrium.common.domain;
