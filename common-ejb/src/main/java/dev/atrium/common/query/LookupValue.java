package dev.atrium.common.query;

import java.util.UUID;

/** A lookup's value: the referenced record's GUID and what names it (its primary display column). */
public record LookupValue(UUID value, Object displayValue) {}
