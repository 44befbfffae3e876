package org.safereg.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
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
    static final Text UNAUTHENTICATED = Text.of("problem.unauthenticated", UNAUTHENTICATED_DETAIL);
    static final Text FORBIDDEN = Text.of("problem.forbidden", FORBIDDEN_DETAIL);

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;
    private final ProblemTexts texts;

    SecurityProblems(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.texts = new ProblemTexts(messages);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        write(request, response, ProblemType.UNAUTHORIZED.problem(texts.say(unauthenticatedDetail(failure), request)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        write(request, response, ProblemType.FORBIDDEN.problem(texts.say(FORBIDDEN, request)));
    }

    private static Text unauthenticatedDetail(AuthenticationException failure) {
        // a token was sent but rejected: say why (expired, bad signature), which is about the token, not us
        if (failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null) {
            // the decoder's reason has no translation: it is quoted as it is
            return Text.of(
                    "problem.token-rejected",
                    "The bearer token was rejected: {0}",
                    oauth.getError().getDescription());
        }
        return UNAUTHENTICATED;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        texts.finish(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
