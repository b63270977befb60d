package org.orgledger.platform.eventstore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Keeps the body of a request that carries an {@link IdempotencyKeys#HEADER} as it is read, so
 * that the key can be bound to the request it came with ({@link IdempotencyKeys}). Runs after the
 * body size limit, so what it keeps is bounded by that limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 110)
class KeyedRequestBodies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean keyed = request.getHeader(IdempotencyKeys.HEADER) != null && !"GET".equals(request.getMethod());
        chain.doFilter(keyed ? new ContentCachingRequestWrapper(request) : request, response);
    }
}
