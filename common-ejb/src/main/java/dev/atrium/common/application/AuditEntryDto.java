package dev.atrium.common.application;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.UUID;

/** One audit log entry on the wire ({@code /0/rest/audit}). */
@JsonbNillable
public record AuditEntryDto(UUID id, Instant createdOn, String eventType, boolean success, UUID actorId,
    String actorName, UUID targetId, String targetName, String clientAddress, String details) {}
