package dev.atrium.common.permissions;

/** An object's or one of its columns' permissions changed: every node drops its copy once it commits. */
public record RightsChanged(String object) {}
