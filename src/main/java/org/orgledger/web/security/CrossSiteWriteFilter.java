package org.orgledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.orgledger.ledger.ProblemCode;
import org.orgledger.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write that a browser sends on behalf of a page from another origin. Browsers name
 * the page's origin in {@code Origin} on every cross-origin POST; clients that are not browsers
 * (curl, scripts) send none and are not affected; the ledger's own page is same-origin. This is
 * what stands in for CSRF tokens: Basic credentials cached by a browser cannot be borrowed by
 * another site to record a change.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;
    private final ObjectMapper json;

    CrossSiteWriteFilter(List<String> allowedOrigins, ObjectMapper json) {
        this.allowedOrigins = allowedOrigins;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || SAFE_METHODS.contains(request.getMethod()) || sameOrigin(origin, request)
                || allowedOrigins.contains(origin)) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, json, Problems.problem(ProblemCode.FORBIDDEN,
                "writes from pages of another origin are refused"));
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String own = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return own.equalsIgnoreCase(origin);
    }
}
