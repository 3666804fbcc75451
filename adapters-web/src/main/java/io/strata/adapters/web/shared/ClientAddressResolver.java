package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The client's IP address and user agent. {@code X-Forwarded-For} is honoured only when
 * {@code strata.web.trust-proxy=true} (the app runs behind a proxy that sets it); otherwise it
 * could be forged to dodge per-IP login throttling. A forwarded value that is no IP literal is ignored.
 */
@Singleton
public class ClientAddressResolver {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile("^" + OCTET + "(\\." + OCTET + "){3}$");

    private final boolean trustProxy;

    public ClientAddressResolver(@Value("${strata.web.trust-proxy:false}") boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public @Nullable String clientIp(HttpRequest<?> request) {
        if (trustProxy) {
            String forwarded = request.getHeaders().get(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                String first = stripZone(forwarded.split(",")[0].strip());
                if (isIpLiteral(first)) {
                    return first;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        InetAddress address = remote.getAddress();
        return address == null ? null : stripZone(address.getHostAddress());
    }

    public @Nullable String userAgent(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return null;
        }
        return agent.length() > 512 ? agent.substring(0, 512) : agent;
    }

    /**
     * A dotted IPv4 or an IPv6 literal; anything else in {@code X-Forwarded-For} (a name, garbage) is
     * ignored in favour of the socket's address. The character check comes first, so that
     * {@link InetAddress#getByName} only ever parses a literal and never asks DNS.
     */
    static boolean isIpLiteral(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.indexOf(':') >= 0
                && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 0x80);
        if (!v4 && !v6) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripZone(String ip) {
        int percent = ip.indexOf('%');
        return percent >= 0 ? ip.substring(0, percent) : ip;
    }
}
