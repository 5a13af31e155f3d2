package dev.atrium.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Facts about the HTTP request being served that services record: the client's address. Only
 * usable while a request is served (a call outside one fails with ContextNotActiveException).
 */
@RequestScoped
public class ClientContext {

  @Inject
  HttpServletRequest request;

  @Inject
  ForwardedHeaders forwarded;

  public String address() {
    return forwarded.clientAddress(request);
  }
}
