package org.orgledger.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends a {@link RawHttp.Request} through Spring MVC and the security filters without a server
 * round trip. What only the servlet container decides (encoded or dot segments in the path,
 * chunked bodies, the error page, TRACE) still needs {@link RawHttp}: see {@link #needsServer}.
 */
final class MockHttp {

    private final MockMvc mvc;

    MockHttp(MockMvc mvc) {
        this.mvc = mvc;
    }

    static boolean needsServer(RawHttp.Request request) {
        String path = request.path.split("\\?", 2)[0];
        return path.contains("%") || path.contains("/../") || path.startsWith("/error") || request.chunked
                || request.method.equals("TRACE") || (request.body != null && request.body.length > 1024 * 1024);
    }

    RawHttp.Response send(RawHttp.Request request) {
        MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(request.method),
                URI.create(request.path));
        request.headers.forEach(builder::header);
        if (request.headers.containsKey("Content-Type")) {
            builder.contentType(request.headers.get("Content-Type"));
        }
        if (request.body != null) {
            builder.content(request.body);
        }
        try {
            MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
            String contentType = response.getContentType();
            return new RawHttp.Response(response.getStatus(), contentType == null ? "" : contentType,
                    response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(request + " failed inside MockMvc", e);
        }
    }
}
