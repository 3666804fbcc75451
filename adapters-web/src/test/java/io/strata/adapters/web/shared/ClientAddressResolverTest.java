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
    void userAgentIsBounded() {
        ClientAddressResolver resolver = new ClientAddressResolver(false);
        assertThat(resolver.userAgent(request().header(HttpHeaders.USER_AGENT, "curl/8"))).isEqualTo("curl/8");
        assertThat(resolver.userAgent(request().header(HttpHeaders.USER_AGENT, "x".repeat(600)))).hasSize(512);
        assertThat(resolver.userAgent(HttpRequest.GET("/"))).isNull();
    }
}
