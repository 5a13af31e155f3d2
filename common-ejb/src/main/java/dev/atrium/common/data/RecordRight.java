package dev.atrium.common.data;

import java.util.UUID;

/**
 * One row of a record's permissions: the grantee (a user or role) may do the operation, at the
 * level ({@code RecordRightsTable.GRANTED} or {@code DELEGATE}), for the reason {@code source}
 * ({@code RecordRightsTable.SOURCE_AUTHOR}, {@code SOURCE_OWNER}, {@code SOURCE_SHARED}).
 */
public record RecordRight(UUID grantee, RecordOperation operation, int level, int source) {}
