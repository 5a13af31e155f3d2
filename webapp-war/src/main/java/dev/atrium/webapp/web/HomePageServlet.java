package dev.atrium.webapp.web;

import dev.atrium.common.rest.HtmlPage;
import dev.atrium.common.rest.SecurityHeadersFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code GET /0/}: the browser workspace, the page Vite built ({@code WEB-INF/workspace.html}),
 * sent with a fresh style nonce in its Content-Security-Policy and in {@code <meta name="csp-nonce">}.
 * The mechanism has already sent anyone without a session to the sign-in page.
 */
@WebServlet(urlPatterns = "")
public class HomePageServlet extends HttpServlet {

  private static final SecureRandom RANDOM = new SecureRandom();

  private HtmlPage page;

  @Override
  public void init() throws ServletException {
    page = HtmlPage.load(getServletContext(), "/WEB-INF/workspace.html");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    res.setHeader("Content-Security-Policy", SecurityHeadersFilter.csp(nonce));
    page.send(res, "nonce", nonce);
  }
}
