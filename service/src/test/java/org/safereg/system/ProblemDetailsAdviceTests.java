package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mybatis.spring.MyBatisSystemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each kind of failure a feature may cause, and the problem a client receives for it. */
@WebMvcTest(controllers = ProblemDetailsAdviceTests.Failing.class)
@Import({SecurityConfiguration.class, ProblemDetailsAdviceTests.Failing.class, ProblemDetailsAdviceTests.Checks.class})
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTests {

    @Autowired
    MockMvc mvc;

    @Test
    void notFoundIs404() throws Exception {
        mvc.perform(as(get("/api/v1/failing/not-found")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:not-found"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("no enterprise with credit code 91330100MA2AAAAA1X"))
                .andExpect(jsonPath("$.instance").value("/api/v1/failing/not-found"));
    }

    @Test
    void conflictIs409() throws Exception {
        mvc.perform(as(get("/api/v1/failing/conflict")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:conflict"))
                .andExpect(jsonPath("$.detail").value("rule set 3f2a is already active"));
    }

    @Test
    void invalidInputIs400WithItsFields() throws Exception {
        mvc.perform(as(get("/api/v1/failing/invalid-input")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value("sector: unknown sector 'XX'"))
                .andExpect(jsonPath("$.errors[0].field").value("sector"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown sector 'XX'"));
    }

    @Test
    void accessDeniedIs403WithItsMessage() throws Exception {
        mvc.perform(as(get("/api/v1/failing/denied")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:forbidden"))
                .andExpect(jsonPath("$.detail").value("only the enterprise itself may see this"));
    }

    @Test
    void anythingElseIs500WithoutItsInsides(CapturedOutput output) throws Exception {
        mvc.perform(as(get("/api/v1/failing/boom")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:internal"))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value(not(containsString("10.0.0.7"))))
                .andExpect(jsonPath("$.detail").value(not(containsString("IllegalStateException"))))
                .andExpect(jsonPath("$.incident").value(matchesPattern("[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.trace").doesNotExist());
        // the operator gets what the caller does not
        assertThat(output).contains("GET /api/v1/failing/boom").contains("connection to 10.0.0.7 refused");
    }

    @Test
    void redisGoneAfterItWasConnectedIs503WithRetryAfter() throws Exception {
        mvc.perform(as(get("/api/v1/failing/redis-disconnected")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(startsWith("Redis is not answering")));
        mvc.perform(as(get("/api/v1/failing/redis-loading")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(startsWith("Redis is not answering")));
    }

    @Test
    void mysqlGoneBehindMyBatisIs503NamingMysql() throws Exception {
        mvc.perform(as(get("/api/v1/failing/mysql-gone")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(startsWith("MySQL is not answering")));
    }

    @Test
    void aRedisReplySendingAgainWillNotCureIs500() throws Exception {
        mvc.perform(as(get("/api/v1/failing/redis-wrong-type")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:internal"));
    }

    @Test
    void invalidBodyFieldsAreListed() throws Exception {
        mvc.perform(
                        as(post("/api/v1/failing/plans"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"name": " ", "inspectionsPerYear": 0, "sectors": ["chemicals", ""]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("inspectionsPerYear"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 1"))
                .andExpect(jsonPath("$.errors[1].field").value("name"))
                .andExpect(jsonPath("$.errors[2].field").value("sectors[1]"))
                .andExpect(jsonPath("$.detail").value(containsString("name must not be blank")));
    }

    @Test
    void invalidParametersAreListed() throws Exception {
        mvc.perform(as(get("/api/v1/failing/enterprises/{code}", "too-short").param("limit", "500")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(
                        jsonPath("$.errors[?(@.parameter == 'code')].message").value("size must be between 18 and 18"))
                .andExpect(jsonPath("$.errors[?(@.parameter == 'limit')].message")
                        .value("must be less than or equal to 100"));
    }

    @Test
    void constraintViolationsFromServicesAreListed() throws Exception {
        mvc.perform(as(get("/api/v1/failing/service-check")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[0].parameter").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() throws Exception {
        mvc.perform(as(post("/api/v1/failing/plans"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:malformed-request"))
                .andExpect(jsonPath("$.title").value("Malformed request"))
                .andExpect(jsonPath("$.detail").value(startsWith("The request body is not well-formed JSON (line 1")));
    }

    @Test
    void aValueOfTheWrongKindNamesTheField() throws Exception {
        mvc.perform(
                        as(post("/api/v1/failing/plans"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"name": "x", "inspectionsPerYear": "often"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:malformed-request"))
                .andExpect(jsonPath("$.detail").value("The value of 'inspectionsPerYear' must be a whole number."))
                .andExpect(jsonPath("$.errors[0].field").value("inspectionsPerYear"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        mvc.perform(as(post("/api/v1/failing/plans")).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:malformed-request"))
                .andExpect(jsonPath("$.detail").value(containsString("body is missing")));
    }

    @Test
    void aPathValueOfTheWrongTypeIs400() throws Exception {
        mvc.perform(as(get("/api/v1/failing/jobs/{id}", "latest")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[0].parameter").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void springsOwnErrorsGetSafeRegTypes() throws Exception {
        mvc.perform(as(get("/api/v1/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("There is nothing at GET /api/v1/nothing-here."));
        mvc.perform(as(delete("/api/v1/failing/plans")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:method-not-allowed"));
        mvc.perform(as(post("/api/v1/failing/plans"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unsupported-media-type"));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_POLICY_ADMIN")));
    }

    record Plan(@NotBlank String name, @Min(1) int inspectionsPerYear, List<@NotBlank String> sectors) {}

    @Component
    @Validated
    static class Checks {

        void check(@NotBlank String creditCode) {}
    }

    @RestController
    static class Failing {

        private final Checks checks;

        Failing(Checks checks) {
            this.checks = checks;
        }

        @GetMapping("/api/v1/failing/not-found")
        void notFound() {
            throw new NotFoundException("no enterprise with credit code 91330100MA2AAAAA1X");
        }

        @GetMapping("/api/v1/failing/conflict")
        void conflict() {
            throw new ConflictException("rule set 3f2a is already active");
        }

        @GetMapping("/api/v1/failing/invalid-input")
        void invalidInput() {
            throw InvalidInputException.forField("sector", "unknown sector 'XX'");
        }

        @GetMapping("/api/v1/failing/denied")
        void denied() {
            throw new AccessDeniedException("only the enterprise itself may see this");
        }

        @GetMapping("/api/v1/failing/boom")
        void boom() {
            throw new IllegalStateException("connection to 10.0.0.7 refused");
        }

        @GetMapping("/api/v1/failing/redis-disconnected")
        void redisDisconnected() {
            throw new RedisSystemException(
                    "Redis exception", new RedisException("Currently not connected. Commands are rejected."));
        }

        @GetMapping("/api/v1/failing/redis-loading")
        void redisLoading() {
            throw new RedisSystemException(
                    "Error in execution",
                    new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory"));
        }

        @GetMapping("/api/v1/failing/redis-wrong-type")
        void redisWrongType() {
            throw new RedisSystemException(
                    "Error in execution",
                    new RedisCommandExecutionException(
                            "WRONGTYPE Operation against a key holding the wrong kind of value"));
        }

        @GetMapping("/api/v1/failing/mysql-gone")
        void mysqlGone() {
            throw new MyBatisSystemException(
                    "Error querying database",
                    new PersistenceException(new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        }

        @PostMapping("/api/v1/failing/plans")
        Plan plan(@Valid @RequestBody Plan plan) {
            return plan;
        }

        @GetMapping("/api/v1/failing/enterprises/{code}")
        Map<String, Object> enterprise(
                @PathVariable @Size(min = 18, max = 18) String code,
                @RequestParam(defaultValue = "10") @Max(100) int limit) {
            return Map.of("code", code, "limit", limit);
        }

        @GetMapping("/api/v1/failing/service-check")
        void serviceCheck() {
            checks.check(" ");
        }

        @GetMapping("/api/v1/failing/jobs/{id}")
        long job(@PathVariable long id) {
            return id;
        }
    }
}
