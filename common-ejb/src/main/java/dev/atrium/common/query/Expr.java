package dev.atrium.common.query;

import java.util.List;

/**
 * An expression of the query model. Names in it are never SQL: the compiler resolves every name
 * against the metadata and binds every value as a parameter.
 */
public sealed interface Expr {

  /**
   * A column reached from the root object through lookups: {@code ["Account", "Owner", "Name"]}.
   * A path that ends on a lookup stands for the lookup's GUID.
   */
  record Path(List<String> segments) implements Expr {
    public Path {
      segments = List.copyOf(segments);
    }

    public static Path of(String dotted) {
      return new Path(List.of(dotted.split("\\.", -1)));
    }

    @Override
    public String toString() {
      return String.join(".", segments);
    }
  }

  /** A value given by the client; always bound as a parameter. */
  record Value(Object value) implements Expr {}

  /** {@code left op right}. */
  record Arithmetic(ArithmeticOp op, Expr left, Expr right) implements Expr {}

  /** A scalar function of the model's small, portable set. */
  record Call(Function function, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * An aggregate over the records of {@code object} whose lookup {@code via} refers to the
   * current record (a back-reference such as {@code [Contact:Account]}), or over the root's own
   * records when {@code object} is null (the whole query is then grouped).
   */
  record Aggregate(AggregateFunction function, String object, String via, Path column, Filter where) implements Expr {}

  enum ArithmeticOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO }

  enum AggregateFunction { COUNT, SUM, AVG, MIN, MAX }

  /** Scalar functions and how many arguments each takes. */
  enum Function {
    TOLOWER(1), TOUPPER(1), LENGTH(1), TRIM(1), CONCAT(2), INDEXOF(2), SUBSTRING(2),
    YEAR(1), MONTH(1), DAY(1), HOUR(1), MINUTE(1), SECOND(1), ROUND(1), FLOOR(1), CEILING(1);

    private final int arity;

    Function(int arity) {
      this.arity = arity;
    }

    public int arity() {
      return arity;
    }
  }
}
