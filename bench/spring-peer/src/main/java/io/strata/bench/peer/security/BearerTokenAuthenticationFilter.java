package io.strata.bench.peer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the sessions table. Without the header the request goes
 * on unauthenticated (the authorization rules then answer 401 where it is needed); a malformed header or an unknown,
 * expired or revoked token is a 401 at once.
 */
public class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

    /** RFC 6750 b64token. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9\\-._~+/]+=*$");
    private static final int MAX_TOKEN_LENGTH = 256;

    private final SessionAuthenticationService sessions;
    private final AuthenticationEntryPoint entryPoint;

    public BearerTokenAuthenticationFilter(SessionAuthenticationService sessions, AuthenticationEntryPoint entryPoint) {
        this.sessions = sessions;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            try {
                CurrentUser user = sessions.authenticate(bearerToken(header))
                        .orElseThrow(() -> new BadCredentialsException("the bearer token is invalid, expired or revoked"));
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
                SecurityContextHolder.setContext(context);
            } catch (AuthenticationException e) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    private static String bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space > 0 && value.substring(0, space).equalsIgnoreCase("Bearer")) {
            String token = value.substring(space + 1).strip();
            if (!token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH && TOKEN.matcher(token).matches()) {
                return token;
            }
        }
        throw new BadCredentialsException("malformed Authorization header: expected 'Bearer <token>'");
    }
}
