package dev.atrium.loader.web;

import dev.atrium.common.rest.HtmlPage;
import dev.atrium.common.security.AtriumCookies;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /}: the sign-in page, or a redirect to the application at {@code /0/} when the browser
 * already has a live session. The remembered login name ({@code UserName} cookie) is pre-filled.
 */
@WebServlet(urlPatterns = "")
public class SignInPageServlet extends HttpServlet {

  static final String APPLICATION = "/0/";
  private HtmlPage page;

  @Override
  public void init() throws ServletException {
    page = HtmlPage.load(getServletContext(), "/WEB-INF/sign-in.html");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (req.getUserPrincipal() != null) {
      res.sendRedirect(APPLICATION);
      return;
    }
    page.send(res, "userName", decodeUserName(AtriumCookies.read(req, AtriumCookies.USER_NAME)));
  }

  /** "83|117|..." back to "Su..."; anything malformed is ignored. */
  static String decodeUserName(String cookie) {
    if (cookie == null || cookie.length() > 2000) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    try {
      for (String code : cookie.split("\\|")) {
        int c = Integer.parseInt(code);
        if (c < 32 || c > 0xFFFF) {
          return "";
        }
        sb.append((char) c);
      }
    } catch (NumberFormatException e) {
      return "";
    }
    return sb.toString();
  }
}
