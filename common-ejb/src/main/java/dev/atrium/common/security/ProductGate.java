package dev.atrium.common.security;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.LicenceState;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;

/**
 * Enforces {@link RequiresProduct} with the licence decision the session mechanism made for this
 * request (no database hit). Calls outside a request, e.g. scheduled jobs, are the system's own.
 */
@Interceptor
@RequiresProduct
@Priority(Interceptor.Priority.APPLICATION)
public class ProductGate {

  @Inject
  ClientContext client;

  @AroundInvoke
  public Object check(InvocationContext call) throws Exception {
    LicenceState.Decision licence = client.licence();
    if (licence != null) {
      RequiresProduct needed = call.getMethod().getAnnotation(RequiresProduct.class);
      if (needed == null) {
        needed = call.getTarget().getClass().getAnnotation(RequiresProduct.class);
      }
      if (needed == null) {
        needed = call.getMethod().getDeclaringClass().getAnnotation(RequiresProduct.class);
      }
      List<String> products = needed == null ? List.of() : List.of(needed.value());
      if (!products.isEmpty() && products.stream().noneMatch(licence.products()::contains)) {
        throw new AtriumException(ErrorCode.LICENSE_REQUIRED,
            "This needs a licence for " + String.join(" or ", products) + ".");
      }
    }
    return call.proceed();
  }
}
