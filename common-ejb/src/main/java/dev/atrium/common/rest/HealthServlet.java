package dev.atrium.common.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The anonymous liveness probe ({@code GET /api/HealthCheck/Ping}, {@code /0/ping}) that load
 * balancers call. It needs no session and touches no backend, so it stays cheap.
 */
public class HealthServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setContentType("application/json;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write("{\"Status\":\"Ok\"}");
  }
}
