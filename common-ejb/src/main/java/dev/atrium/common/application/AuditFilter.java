package dev.atrium.common.application;

import java.time.Instant;

/**
 * What an audit log search keeps; every part is optional (null keeps all). {@code eventType},
 * {@code targetName} and {@code actorName} match exactly (the event type in any case); {@code from}
 * is inclusive and {@code to} exclusive.
 */
public record AuditFilter(String eventType, String targetName, String actorName, Boolean success,
    Instant from, Instant to) {}
