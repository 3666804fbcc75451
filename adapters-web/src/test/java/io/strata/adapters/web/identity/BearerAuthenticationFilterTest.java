package io.strata.adapters.web.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.UnauthenticatedException;
import org.junit.jupiter.api.Test;

class BearerAuthenticationFilterTest {

    @Test
    void readsTheBearerToken() {
        assertThat(BearerAuthenticationFilter.bearerToken("Bearer abc-DEF_123.~+/="))
                .isEqualTo("abc-DEF_123.~+/=");
        assertThat(BearerAuthenticationFilter.bearerToken("bearer   tok")).isEqualTo("tok");
    }

    @Test
    void anythingElseIsUnauthenticated() {
        for (String header : new String[] {
            "", "Bearer", "Bearer ", "Basic YWJj", "Bearer a b", "Bearer a\"b", "Bearer " + "x".repeat(257), "Token abc"
        }) {
            assertThatThrownBy(() -> BearerAuthenticationFilter.bearerToken(header))
                    .as(header)
                    .isInstanceOf(UnauthenticatedException.class)
                    .hasMessageContaining("Bearer <token>");
        }
    }
}
