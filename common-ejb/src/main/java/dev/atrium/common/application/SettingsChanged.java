package dev.atrium.common.application;

/** Fired (CDI event) inside a transaction that changed a setting; after the commit every node reloads. */
public record SettingsChanged(String code) {}
