package dev.atrium.webapp.web;

import dev.atrium.common.rest.Html;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /0/}: the start page of the browser application, greeting the signed-in user by name.
 * The mechanism has already sent anyone without a session to the sign-in page.
 */
@WebServlet(urlPatterns = "")
public class HomePageServlet extends HttpServlet {

  private String template;

  @Override
  public void init() throws ServletException {
    try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/home.html")) {
      if (in == null) {
        throw new ServletException("/WEB-INF/home.html is missing");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServletException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setContentType("text/html;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(template.replace("{{userName}}", Html.escape(req.getUserPrincipal().getName())));
  }
}
