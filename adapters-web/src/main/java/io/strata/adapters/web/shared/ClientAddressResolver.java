package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The client's IP address and user agent. {@code X-Forwarded-For} is honoured only when
 * {@code strata.web.trust-proxy=true} (the app runs behind a proxy that sets it); otherwise it
 * could be forged to dodge per-IP login throttling.
 */
@Singleton
public class ClientAddressResolver {
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final boolean trustProxy;

    public ClientAddressResolver(@Value("${strata.web.trust-proxy:false}") boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public @Nullable String clientIp(HttpRequest<?> request) {
        if (trustProxy) {
            String forwarded = request.getHeaders().get(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",")[0].strip();
                if (!first.isEmpty() && first.length() <= 45) {
                    return stripZone(first);
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

    private static String stripZone(String ip) {
        int percent = ip.indexOf('%');
        return percent >= 0 ? ip.substring(0, percent) : ip;
    }
}
