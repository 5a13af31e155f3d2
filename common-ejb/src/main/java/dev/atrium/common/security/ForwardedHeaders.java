package dev.atrium.common.security;

import dev.atrium.common.infrastructure.AtriumConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request says about its client, trusting {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only when it comes from a configured proxy
 * ({@code atrium.trusted-proxies}: addresses or CIDR ranges, comma-separated). The client is the
 * right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy.
 */
@ApplicationScoped
public class ForwardedHeaders {

  /** An address range: the first {@code bits} bits of {@code network}. */
  record Range(BigInteger network, int bits, int length) {
    boolean contains(byte[] address) {
      if (address.length != length) {
        return false;
      }
      int shift = length * 8 - bits;
      return new BigInteger(1, address).shiftRight(shift).equals(network.shiftRight(shift));
    }
  }

  private volatile List<Range> trusted;

  @Inject
  AtriumConfig config;

  public ForwardedHeaders() {}

  ForwardedHeaders(String trustedProxies) {
    this.trusted = parse(trustedProxies);
  }

  /** The client's address: the connecting peer, or what trusted proxies forwarded. */
  public String clientAddress(HttpServletRequest req) {
    String peer = req.getRemoteAddr();
    if (!isTrusted(peer)) {
      return peer;
    }
    String forwarded = req.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].trim();
  }

  /** Whether the client used TLS: the connection's own, or {@code X-Forwarded-Proto: https} from a trusted proxy. */
  public boolean secure(HttpServletRequest req) {
    if (req.isSecure()) {
      return true;
    }
    return isTrusted(req.getRemoteAddr()) && "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
  }

  boolean isTrusted(String address) {
    List<Range> ranges = trusted;
    if (ranges == null) {
      ranges = parse(config.trustedProxies().orElse(""));
      trusted = ranges;
    }
    if (ranges.isEmpty() || !looksLikeAddress(address)) {
      return false;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return ranges.stream().anyMatch(r -> r.contains(bytes));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static List<Range> parse(String spec) {
    List<Range> ranges = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      String[] cidr = p.split("/", 2);
      if (!looksLikeAddress(cidr[0])) {
        throw new IllegalArgumentException("atrium.trusted-proxies: not an address: " + p);
      }
      try {
        byte[] bytes = InetAddress.getByName(cidr[0]).getAddress();
        int bits = cidr.length == 2 ? Integer.parseInt(cidr[1]) : bytes.length * 8;
        if (bits < 0 || bits > bytes.length * 8) {
          throw new IllegalArgumentException("atrium.trusted-proxies: bad prefix length: " + p);
        }
        ranges.add(new Range(new BigInteger(1, bytes), bits, bytes.length));
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("atrium.trusted-proxies: not an address: " + p, e);
      }
    }
    return List.copyOf(ranges);
  }

  /** Literal IPv4 or IPv6 only: never a name (which would be looked up in DNS). */
  private static boolean looksLikeAddress(String s) {
    return s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
  }
}
