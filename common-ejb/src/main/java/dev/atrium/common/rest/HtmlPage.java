package dev.atrium.common.rest;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-rendered page: an HTML file under WEB-INF with {@code {{userName}}}-style placeholders,
 * filled with HTML-escaped values and sent uncached.
 */
public final class HtmlPage {

  private final String template;

  private HtmlPage(String template) {
    this.template = template;
  }

  public static HtmlPage load(ServletContext context, String path) throws ServletException {
    try (InputStream in = context.getResourceAsStream(path)) {
      if (in == null) {
        throw new ServletException(path + " is missing");
      }
      return new HtmlPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ServletException(e);
    }
  }

  /** Sends the page with {@code {{name}}} replaced by the escaped value. */
  public void send(HttpServletResponse res, String name, String value) throws IOException {
    res.setContentType("text/html;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(template.replace("{{" + name + "}}", Html.escape(value)));
  }
}
