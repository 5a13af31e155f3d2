package dev.atrium.common.permissions;

/** An object's permissions or its switch changed: every node drops its copy once it commits. */
public record ObjectRightsChanged(String object) {}
