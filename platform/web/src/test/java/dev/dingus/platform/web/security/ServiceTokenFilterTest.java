package dev.dingus.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class ServiceTokenFilterTest {
    private static final String CREDENTIAL = "the-service-credential";
    private final ServiceTokenFilter filter = new ServiceTokenFilter(CREDENTIAL);

    @Test
    void guardsEverySpellingOfTheInternalPathThatSpringMvcWouldMatch() throws Exception {
        for (String uri : List.of("/internal/ping", "/internal", "/%69nternal/ping", "/intern%61l/ping",
                "/%69%6E%74%65%72%6E%61%6C/users/x/rooms", "/intern%61l")) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = run(request(uri), chain);
            assertThat(response.getStatus()).as(uri).isEqualTo(401);
            assertThat(response.getContentAsString()).as(uri).contains("\"code\":\"unauthorized\"");
            assertThat(chain.getRequest()).as(uri).isNull();
        }
    }

    @Test
    void leavesOtherPathsToSpringSecurity() throws Exception {
        for (String uri : List.of("/api/v1/rooms", "/internals", "/INTERNAL/ping", "/api/v1/internal/ping")) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletRequest request = request(uri);
            run(request, chain);
            assertThat(chain.getRequest()).as(uri).isSameAs(request);
            assertThat(authorized(request)).as(uri).isFalse();
        }
    }

    @Test
    void springSecurityAllowsOnlyTheRequestsTheFilterLetThrough() throws Exception {
        MockHttpServletRequest withCredential = request("/%69nternal/ping");
        withCredential.addHeader("X-Dingus-Service-Token", CREDENTIAL);
        MockFilterChain chain = new MockFilterChain();
        assertThat(run(withCredential, chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(withCredential);
        assertThat(authorized(withCredential)).isTrue();

        MockHttpServletRequest wrongCredential = request("/internal/ping");
        wrongCredential.addHeader("X-Dingus-Service-Token", "guess");
        assertThat(run(wrongCredential, new MockFilterChain()).getStatus()).isEqualTo(401);
        assertThat(authorized(wrongCredential)).isFalse();

        // A request that never met the filter (say, one it would have seen under another path) is not let in.
        assertThat(authorized(request("/internal/ping"))).isFalse();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static boolean authorized(MockHttpServletRequest request) {
        var decision = ServiceTokenFilter.serviceCallersOnly().authorize(() -> null, new RequestAuthorizationContext(request));
        return decision != null && decision.isGranted();
    }

    private static MockHttpServletRequest request(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRequestURI(uri);
        return request;
    }
}
