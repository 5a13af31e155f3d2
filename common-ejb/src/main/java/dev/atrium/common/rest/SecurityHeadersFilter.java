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

  static final String CSP = csp(null);

  /**
   * The Content-Security-Policy; with a nonce, {@code <style>} elements that carry it are admitted
   * as well (the workspace's component library writes its styles into such elements). Scripts
   * always come from this origin only: no inline script, no eval.
   */
  public static String csp(String styleNonce) {
    String styles = styleNonce == null ? "'self'" : "'self' 'nonce-" + styleNonce + "'";
    return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:;"
        + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
  }

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
