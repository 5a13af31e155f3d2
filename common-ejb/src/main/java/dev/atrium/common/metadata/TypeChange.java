package dev.atrium.common.metadata;

import java.util.EnumSet;
import java.util.Set;

/** What changing a column from one designer type to another does to the column and its values. */
public enum TypeChange {
  /** The database holds both types alike (Text and Email, MaxText and RichText): metadata only. */
  SAME_STORAGE,
  /** The column is altered and every value fits (ShortText to Text, Integer to Money, Date to DateTime). */
  WIDENING,
  /** The column is altered and values may be cut or rounded: only with confirmation (the database may still refuse). */
  NARROWING,
  /** Not offered: the values have no sensible conversion, or a database cannot alter the column in place. */
  NOT_POSSIBLE;

  private static final Set<ColumnType> UNBOUNDED_TEXT = EnumSet.of(ColumnType.MAX_TEXT, ColumnType.RICH_TEXT);
  private static final Set<ColumnType> NUMBERS = EnumSet.of(ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.MONEY);

  public static TypeChange of(ColumnType from, ColumnType to) {
    if (from == to) {
      return SAME_STORAGE;
    }
    if (from.maxLength() > 0 && to.maxLength() > 0) {
      return to.maxLength() == from.maxLength() ? SAME_STORAGE : to.maxLength() > from.maxLength() ? WIDENING : NARROWING;
    }
    if (UNBOUNDED_TEXT.contains(from) && UNBOUNDED_TEXT.contains(to)) {
      return SAME_STORAGE;
    }
    if (NUMBERS.contains(from) && NUMBERS.contains(to)) {
      // Integer fits both decimals; Decimal (8 places) and Money (16 integer digits) lose something either way
      return from == ColumnType.INTEGER ? WIDENING : NARROWING;
    }
    if (from == ColumnType.DATE && to == ColumnType.DATE_TIME) {
      return WIDENING;
    }
    if (from == ColumnType.DATE_TIME && to == ColumnType.DATE) {
      return NARROWING;
    }
    // bounded and unbounded text too: Oracle cannot turn NVARCHAR2 into NCLOB in place
    return NOT_POSSIBLE;
  }
}
