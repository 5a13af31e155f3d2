package dev.atrium.loader.web;

import dev.atrium.common.rest.HtmlPage;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /ChangePassword?user=...}: where sign-in sends a user whose password expired or was
 * reset (Code 5), and where anyone can change theirs with the current one.
 */
@WebServlet(urlPatterns = "/ChangePassword")
public class ChangePasswordPageServlet extends HttpServlet {

  private HtmlPage page;

  @Override
  public void init() throws ServletException {
    page = HtmlPage.load(getServletContext(), "/WEB-INF/change-password.html");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String user = req.getParameter("user");
    page.send(res, "userName", user == null || user.length() > 250 ? "" : user);
  }
}
