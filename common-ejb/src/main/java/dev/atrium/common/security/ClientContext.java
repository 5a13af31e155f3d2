package dev.atrium.common.security;

import dev.atrium.common.domain.LicenceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What services may know of the HTTP request being served: the client's address (through
 * {@link ForwardedHeaders}) and the caller's identity as the session mechanism resolved it.
 * Outside a request both are null.
 */
@ApplicationScoped
public class ClientContext {

  @Inject
  Instance<HttpServletRequest> request;

  @Inject
  ForwardedHeaders forwarded;

  public String address() {
    HttpServletRequest r = current();
    return r == null ? null : forwarded.clientAddress(r);
  }

  public CallerIdentity identity() {
    HttpServletRequest r = current();
    return r == null ? null : (CallerIdentity) r.getAttribute(SessionAuthenticationMechanism.IDENTITY_ATTRIBUTE);
  }

  /** The caller's licence decision for this request; null outside a request or without a caller. */
  public LicenceState.Decision licence() {
    HttpServletRequest r = current();
    return r == null ? null : (LicenceState.Decision) r.getAttribute(SessionAuthenticationMechanism.LICENCE_ATTRIBUTE);
  }

  private HttpServletRequest current() {
    try {
      HttpServletRequest r = request.get();
      r.getMethod();  // touches the request: fails here when none is being served
      return r;
    } catch (ContextNotActiveException | IllegalStateException noRequest) {
      return null;
    }
  }
}
