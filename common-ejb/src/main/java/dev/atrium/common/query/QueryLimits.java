package dev.atrium.common.query;

/**
 * Bounds on what one query may ask, so that a costly query is refused (400
 * {@code QUERY_LIMIT_EXCEEDED}) instead of running: rows per response, nodes of a filter tree
 * (comparisons, functions, paths; an {@code in} list counts once), values in one {@code in}
 * list, and hops through lookups in one path.
 */
public record QueryLimits(int maxRows, int maxFilterNodes, int maxPathHops, int maxInValues) {

  /** As in the reference platform: 20,000 rows (MaxEntityRowCount); 200 filter nodes; 4 hops; 1,000 values. */
  public static final QueryLimits DEFAULTS = new QueryLimits(20_000, 200, 4, 1_000);
}
