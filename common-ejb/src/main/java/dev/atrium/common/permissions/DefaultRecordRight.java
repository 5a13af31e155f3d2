package dev.atrium.common.permissions;

import dev.atrium.common.data.RecordOperation;
import java.util.UUID;

/**
 * A default-rights rule of an object: a new record whose author is {@code author} (a user) or
 * holds it (a role) gives {@code grantee} the {@code operation} at {@code level} (1 granted, 2
 * granted with the right to delegate).
 */
public record DefaultRecordRight(UUID author, UUID grantee, RecordOperation operation, int level) {}
