package org.safereg.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 decided by the security filters, before any controller (and so before the advice) runs,
 * written as the same problem details the advice writes. The bearer-token handlers still set the
 * {@code WWW-Authenticate} header that RFC 6750 asks for.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String UNAUTHENTICATED_DETAIL =
            "This request needs a bearer token: send the header 'Authorization: Bearer <token>'.";
    static final String FORBIDDEN_DETAIL = "The roles of this token do not allow this request.";

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        write(request, response, ProblemType.UNAUTHORIZED.problem(unauthenticatedDetail(failure)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        write(request, response, ProblemType.FORBIDDEN.problem(FORBIDDEN_DETAIL));
    }

    private static String unauthenticatedDetail(AuthenticationException failure) {
        // a token was sent but rejected: say why (expired, bad signature), which is about the token, not us
        if (failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null) {
            return "The bearer token was rejected: " + oauth.getError().getDescription();
        }
        return UNAUTHENTICATED_DETAIL;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
