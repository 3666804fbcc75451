package io.strata.bench.peer.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.bench.peer.web.rest.errors.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 as problem details, with the {@code WWW-Authenticate} challenge of RFC 6750. */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper objectMapper;

    public ProblemAuthenticationEntryPoint(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean noToken = exception instanceof InsufficientAuthenticationException;
        String detail = noToken
                ? "authentication required: send Authorization: Bearer <token> (get one from POST /api/v1/sessions)"
                : exception.getMessage();
        ProblemDetail problem = Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                noToken ? "Bearer realm=\"strata\"" : "Bearer realm=\"strata\", error=\"invalid_token\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
