package dev.atrium.common.application;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The paging window every list accepts: {@code skip} from 0, {@code top} from 1 to {@link #MAX_PAGE_SIZE}. */
public final class Paging {

  public static final int MAX_PAGE_SIZE = 500;

  private Paging() {}

  public static void check(int skip, int top) {
    List<FieldError> errors = new ArrayList<>();
    if (skip < 0) {
      errors.add(new FieldError("skip", "must be 0 or more"));
    }
    if (top < 1 || top > MAX_PAGE_SIZE) {
      errors.add(new FieldError("top", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(), errors);
    }
  }
}
