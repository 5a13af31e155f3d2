package dev.atrium.common.query;

import java.util.List;

/** A condition of the query model: a tree of comparisons joined by groups. */
public sealed interface Filter {

  enum Comparison {
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    STARTS_WITH, NOT_STARTS_WITH, CONTAINS, NOT_CONTAINS, ENDS_WITH, NOT_ENDS_WITH
  }

  /** {@code left comparison right}; the string comparisons take a text value on the right. */
  record Compare(Expr left, Comparison comparison, Expr right) implements Filter {}

  record IsNull(Expr expr, boolean not) implements Filter {}

  record Between(Expr expr, Expr low, Expr high) implements Filter {}

  record In(Expr expr, List<Expr> values, boolean not) implements Filter {
    public In {
      values = List.copyOf(values);
    }
  }

  /**
   * Whether a record of {@code object} whose lookup {@code via} refers to the current record
   * matches {@code where} (null: any such record); {@code not} inverts it.
   */
  record Exists(String object, String via, Filter where, boolean not) implements Filter {}

  /** All ({@code and}) or any ({@code or}) of the items; an empty group is true. */
  record Group(boolean and, List<Filter> items) implements Filter {
    public Group {
      items = List.copyOf(items);
    }
  }

  record Not(Filter filter) implements Filter {}

  /** Always true or always false (e.g. an {@code in} with no values). */
  record Constant(boolean value) implements Filter {}
}
