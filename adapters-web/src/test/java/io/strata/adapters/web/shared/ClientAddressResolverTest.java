package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static MutableHttpRequest<?> request() {
        return HttpRequest.GET("/api/v1/sessions").header(ClientAddressResolver.FORWARDED_FOR, "203.0.113.7, 10.0.0.1");
    }

    @Test
    void forwardedForIsIgnoredUnlessProxiesAreTrusted() {
        assertThat(new ClientAddressResolver(false).clientIp(request())).isNotEqualTo("203.0.113.7");
        assertThat(new ClientAddressResolver(true).clientIp(request())).isEqualTo("203.0.113.7");
    }

    @Test
    void aForwardedValueThatIsNoIpLiteralIsIgnored() {
        ClientAddressResolver trusting = new ClientAddressResolver(true);
        String socket = trusting.clientIp(HttpRequest.GET("/api/v1/sessions"));
        for (String forged :
                new String[] {"evil.example.com", ":::::", "1.2.3.999", "x".repeat(60), "::1;drop", "1.2.3.4 5"}) {
            assertThat(trusting.clientIp(
                            HttpRequest.GET("/api/v1/sessions").header(ClientAddressResolver.FORWARDED_FOR, forged)))
                    .as(forged)
                    .isEqualTo(socket);
        }
        assertThat(trusting.clientIp(HttpRequest.GET("/").header(ClientAddressResolver.FORWARDED_FOR, "2001:db8::1")))
                .isEqualTo("2001:db8::1");
        assertThat(trusting.clientIp(HttpRequest.GET("/").header(ClientAddressResolver.FORWARDED_FOR, "fe80::1%eth0")))
                .isEqualTo("fe80::1");
    }

    @Test
    void userAgentIsBounded() {
        ClientAddressResolver resolver = new ClientAddressResolver(false);
        assertThat(resolver.userAgent(request().header(HttpHeaders.USER_AGENT, "curl/8")))
                .isEqualTo("curl/8");
        assertThat(resolver.userAgent(request().header(HttpHeaders.USER_AGENT, "x".repeat(600))))
                .hasSize(512);
        assertThat(resolver.userAgent(HttpRequest.GET("/"))).isNull();
    }
}
