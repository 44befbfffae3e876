package org.safereg.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.safereg.client.ApiClient;
import org.safereg.client.ApiException;
import org.safereg.client.ApiResponse;
import org.safereg.client.api.AlarmsApi;
import org.safereg.client.api.CreditApi;
import org.safereg.client.api.EnforcementTasksApi;
import org.safereg.client.api.HazardsApi;
import org.safereg.client.api.InspectionPlansApi;
import org.safereg.client.api.MonitoringPointsApi;
import org.safereg.client.api.ReadingsApi;
import org.safereg.client.api.RiskApi;
import org.safereg.client.api.RuleSetsApi;
import org.safereg.client.model.Problem;

/**
 * The generated client set up as a user sets it up: the instance's base URI and the caller's bearer token on every
 * request. Nothing else reaches the service in these tests.
 */
final class Clients {

    /**
     * The client's own mapper, except that a property the contract does not declare fails the call (and the reading
     * of a problem): the default mapper would drop it without a word, and the contract would fall behind the service
     * unnoticed.
     */
    private static final ObjectMapper STRICT =
            ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String baseUri;

    Clients(int port) {
        this.baseUri = "http://localhost:" + port;
    }

    ApiClient as(String token) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), STRICT, baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    CreditApi credit(String token) {
        return new CreditApi(as(token));
    }

    RiskApi risk(String token) {
        return new RiskApi(as(token));
    }

    MonitoringPointsApi monitoringPoints(String token) {
        return new MonitoringPointsApi(as(token));
    }

    ReadingsApi readings(String token) {
        return new ReadingsApi(as(token));
    }

    AlarmsApi alarms(String token) {
        return new AlarmsApi(as(token));
    }

    HazardsApi hazards(String token) {
        return new HazardsApi(as(token));
    }

    InspectionPlansApi inspectionPlans(String token) {
        return new InspectionPlansApi(as(token));
    }

    EnforcementTasksApi tasks(String token) {
        return new EnforcementTasksApi(as(token));
    }

    RuleSetsApi ruleSets(String token) {
        return new RuleSetsApi(as(token));
    }

    /** A call that must fail: the ApiException it throws, with the status and the problem body. */
    static ApiException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call fails").isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    /** The problem details of a failed call, as the contract types them. */
    static Problem problem(ApiException failure) {
        return problem(failure, Problem.class);
    }

    /** The problem details of a failed call whose operation declares a problem type of its own. */
    static <T> T problem(ApiException failure, Class<T> type) {
        assertThat(failure.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        try {
            return STRICT.readValue(failure.getResponseBody(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem of a call that must fail. */
    static Problem problemOf(ThrowingCallable call) {
        return problem(failure(call));
    }

    /** The rule-set version an answer was decided with, as every /api response names it. */
    static String ruleSetOf(ApiResponse<?> response) {
        List<String> values = response.getHeaders().get("X-SafeReg-Rule-Set");
        assertThat(values).as("X-SafeReg-Rule-Set").hasSize(1);
        return values.get(0);
    }
}
