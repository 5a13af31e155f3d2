package dev.atrium.common.permissions;

import java.util.UUID;

/** One entry of a column's permissions: what a user or role may do with the column. */
public record ColumnRight(UUID grantee, ColumnAccess access) {}
