package dev.atrium.common.application;

import java.util.List;

/** One page of a collection: the items, the total count, and the window asked for. */
public record PageDto<T>(List<T> items, long total, int skip, int top) {}
