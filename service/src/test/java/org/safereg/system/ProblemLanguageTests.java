package org.safereg.system;

import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The problems that need a failure to stage (an outage, a fault of ours, Spring MVC's own), asked for in
 * Chinese: the same controller as {@link ProblemDetailsAdviceTests}, which keeps the English.
 */
@WebMvcTest(controllers = ProblemDetailsAdviceTests.Failing.class)
@Import({
    SecurityConfiguration.class,
    ProblemDetailsAdviceTests.Failing.class,
    ProblemDetailsAdviceTests.Checks.class,
    Languages.class
})
class ProblemLanguageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anOutageIs503InChineseWithItsRetryAfter() throws Exception {
        mvc.perform(chinese(get("/api/v1/failing/redis-disconnected")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unavailable"))
                .andExpect(jsonPath("$.title").value("服务暂时不可用"))
                .andExpect(jsonPath("$.detail").value("Redis没有响应，本次请求未能完成。服务暂时不可用，请几秒后重试。"))
                .andExpect(jsonPath("$.traceId").value(matchesPattern("[0-9a-f]{32}")));
        mvc.perform(english(get("/api/v1/failing/mysql-gone")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Service unavailable"))
                .andExpect(jsonPath("$.detail")
                        .value("MySQL is not answering, so this request was not completed. Send it again in a few"
                                + " seconds."));
    }

    @Test
    void aFaultOfOursIs500InChineseWithItsIncident() throws Exception {
        mvc.perform(chinese(get("/api/v1/failing/boom")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("内部错误"))
                .andExpect(jsonPath("$.detail").value(startsWith("发生意外错误，本次请求未能完成。该错误已记录为事件 ")))
                .andExpect(jsonPath("$.incident").value(matchesPattern("[0-9a-f-]{36}")));
    }

    @Test
    void fieldsOfABadBodyAndABadParameterAreSaidInChinese() throws Exception {
        mvc.perform(chinese(post("/api/v1/failing/plans"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"inspectionsPerYear\": \"often\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求格式有误"))
                .andExpect(jsonPath("$.detail").value("“inspectionsPerYear”的值必须是整数。"))
                .andExpect(jsonPath("$.errors[0].message").value("必须是整数"));
        mvc.perform(chinese(get("/api/v1/failing/jobs/{id}", "latest")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("id 必须是整数。"))
                .andExpect(jsonPath("$.errors[0].message").value("必须是整数"));
        mvc.perform(chinese(get("/api/v1/failing/enterprises/{code}", "91").param("limit", "500")))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[?(@.parameter == 'limit')].message").value("不能大于 100"))
                .andExpect(
                        jsonPath("$.errors[?(@.parameter == 'code')].message").value("大小须在 18 到 18 之间"));
    }

    @Test
    void aDomainRefusalOfOneFieldIsSaidInChineseWhereItHasATranslation() throws Exception {
        // words without a key (here a test's own) stay as they were written
        mvc.perform(chinese(get("/api/v1/failing/invalid-input")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("请求参数有误"))
                .andExpect(jsonPath("$.detail").value("sector：unknown sector 'XX'"));
    }

    @Test
    void springsOwnProblemsAreSaidInChinese() throws Exception {
        mvc.perform(chinese(get("/api/v1/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("GET /api/v1/nothing-here 不存在。"));
        mvc.perform(chinese(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/failing/plans")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:method-not-allowed"))
                .andExpect(jsonPath("$.title").value("不支持该请求方法"))
                .andExpect(jsonPath("$.detail").value("不支持请求方法“DELETE”。"));
    }

    private static MockHttpServletRequestBuilder chinese(MockHttpServletRequestBuilder request) {
        return as(request).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
    }

    private static MockHttpServletRequestBuilder english(MockHttpServletRequestBuilder request) {
        return as(request).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_POLICY_ADMIN")));
    }
}
