package dev.atrium.common.permissions;

import dev.atrium.common.metadata.RecordRightsState;

/**
 * An object's {@code SysSchema.RecordRightsState} moved: fired in the transaction that moved it,
 * so that once it commits every node reads the object's metadata again (whether its records'
 * rights are enforced may have moved) and, for rights that now wait, the background job runs at
 * once.
 */
public record RecordRightsStateChanged(String object, RecordRightsState state) {}
