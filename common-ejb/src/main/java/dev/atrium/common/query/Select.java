package dev.atrium.common.query;

import java.util.List;

/**
 * A read of one object's records, the form both OData and DataService compile into: the columns
 * (each under an alias), a filter, the order, a page, and whether rows are distinct. A column
 * whose path ends on a lookup comes back as a {@link LookupValue}, unless {@code lookupAsId}.
 */
public record Select(String root, List<Column> columns, Filter filter, List<Order> order, int skip, int top,
    boolean distinct) {

  public record Column(String alias, Expr expr, boolean lookupAsId) {
    public static Column path(String dotted) {
      return new Column(dotted, Expr.Path.of(dotted), false);
    }
  }

  public record Order(Expr expr, boolean descending) {}

  public Select {
    columns = List.copyOf(columns);
    order = List.copyOf(order);
  }

  /** Whether it aggregates the root's own records (a grouped query). */
  public boolean grouped() {
    return columns.stream().anyMatch(c -> c.expr() instanceof Expr.Aggregate a && a.object() == null);
  }
}
