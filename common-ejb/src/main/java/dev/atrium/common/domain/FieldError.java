package dev.atrium.common.domain;

import java.io.Serializable;

/** One invalid value: the wire name of the field and what is wrong with it. */
public record FieldError(String field, String message) implements Serializable {}
