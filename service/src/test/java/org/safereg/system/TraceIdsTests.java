package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which trace id a request gets from what its caller sent. */
class TraceIdsTests {

    @Test
    void aW3cTraceparentGivesItsTraceId() {
        assertThat(TraceIds.traceIdOf(request("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", null)))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aTraceparentThatIsNotOneIsPassedOverForTheRequestIdOrANewId() {
        assertThat(TraceIds.traceIdOf(request("00-00000000000000000000000000000000-00f067aa0ba902b7-01", "req-1")))
                .isEqualTo("req-1");
        assertThat(TraceIds.traceIdOf(request("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null)))
                .matches("[0-9a-f]{32}")
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceIds.traceIdOf(request("garbage", null))).matches("[0-9a-f]{32}");
    }

    @Test
    void aRequestIdThatCouldForgeALogLineIsNotTaken() {
        assertThat(TraceIds.traceIdOf(request(null, "abc\nERROR forged"))).matches("[0-9a-f]{32}");
        assertThat(TraceIds.traceIdOf(request(null, "x".repeat(65)))).matches("[0-9a-f]{32}");
        assertThat(TraceIds.traceIdOf(request(null, "3f1c2a9e-6b7d-4f0a-9c1e-2d3b4a5c6d7e")))
                .isEqualTo("3f1c2a9e-6b7d-4f0a-9c1e-2d3b4a5c6d7e");
    }

    @Test
    void newIdsDiffer() {
        assertThat(TraceIds.newTraceId()).isNotEqualTo(TraceIds.newTraceId()).matches("[0-9a-f]{32}");
    }

    private static MockHttpServletRequest request(String traceparent, String requestId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/alarms");
        if (traceparent != null) {
            request.addHeader("traceparent", traceparent);
        }
        if (requestId != null) {
            request.addHeader("X-Request-Id", requestId);
        }
        return request;
    }
}
