package dev.atrium.webapp.web;

import dev.atrium.common.application.ObjectRuntime;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code Atrium-Metadata: <tag>} on every answer of the REST and OData APIs to a signed-in caller:
 * the state of the object metadata on the node that answered ({@link ObjectRuntime#tag()}). An
 * open workspace compares it with the one it saw last and, when the designer changed an object on
 * any node of the farm, loads its sections and object views again, without a reload of the page.
 * Mapped in web.xml.
 */
public class MetadataTagFilter extends HttpFilter {

  public static final String HEADER = "Atrium-Metadata";

  @Inject
  ObjectRuntime runtime;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getUserPrincipal() != null) {
      res.setHeader(HEADER, runtime.tag());
    }
    chain.doFilter(req, res);
  }
}
