package dev.atrium.webapp.web;

import dev.atrium.common.rest.HtmlPage;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /0/}: the start page of the browser application, greeting the signed-in user by name.
 * The mechanism has already sent anyone without a session to the sign-in page.
 */
@WebServlet(urlPatterns = "")
public class HomePageServlet extends HttpServlet {

  private HtmlPage page;

  @Override
  public void init() throws ServletException {
    page = HtmlPage.load(getServletContext(), "/WEB-INF/home.html");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    page.send(res, "userName", req.getUserPrincipal().getName());
  }
}
