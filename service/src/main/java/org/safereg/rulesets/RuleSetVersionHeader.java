package org.safereg.rulesets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safereg.engine.RuleEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every API response names the rule-set version in force when the request arrived, in
 * {@value #HEADER}, so that a client can tell which policy decided what it reads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleSetVersionHeader extends OncePerRequestFilter {

    static final String HEADER = "X-SafeReg-Rule-Set";

    private final ObjectProvider<RuleEngine> engine;

    /** Through a provider: web slices (tests of one controller) run without an engine, and without the header. */
    RuleSetVersionHeader(ObjectProvider<RuleEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RuleEngine rules = engine.getIfAvailable();
        if (rules != null) {
            response.setHeader(HEADER, rules.version().hash());
        }
        chain.doFilter(request, response);
    }
}
