package dev.atrium.common.rest;

import dev.atrium.common.security.ForwardedHeaders;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response: a strict Content-Security-Policy (scripts and styles from
 * this origin only), no framing, no MIME sniffing, no referrer to other sites, and no caching of
 * anything but the static assets. Declared in each WAR's web.xml.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private ForwardedHeaders forwarded;

  private ForwardedHeaders forwarded() {
    if (forwarded == null) {
      forwarded = CDI.current().select(ForwardedHeaders.class).get();
    }
    return forwarded;
  }

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    if (!req.getRequestURI().substring(req.getContextPath().length()).startsWith("/assets/")) {
      res.setHeader("Cache-Control", "no-store");
    }
    if (forwarded().secure(req)) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    chain.doFilter(req, res);
  }
}
