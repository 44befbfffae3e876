package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Each kind of problem the API answers, asked for in Chinese and in English: the title and detail (and each
 * field's message) in the caller's language, the type the same in both, a trace id in every problem.
 */
@IntegrationTest
class ProblemLanguageIntegrationTests {

    private static final String CHINESE = "zh-CN";
    private static final String ENGLISH = "en";
    private static final String INSPECTOR = TestTokens.token("inspector-3", List.of("INSPECTOR"), null);
    private static final String GATEWAY = TestTokens.token("gateway-3", List.of("SENSOR_GATEWAY"), null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private String plant;
    private LocalDate today;

    @BeforeEach
    void anEnterprise() {
        plant = Province.reset(jdbc, redis)
                .enterprise("语言化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .code();
        today = LocalDate.now();
    }

    @Test
    void aFieldBeanValidationRefusesIsNamedInTheCallersLanguage() {
        String body = hazard("91-NOT-A-CODE", "PLATFORM_SCREENING", today, today.plusDays(5));

        JsonNode zh = problem(HttpMethod.POST, "/api/v1/hazards", INSPECTOR, CHINESE, body, HttpStatus.BAD_REQUEST);
        JsonNode en = problem(HttpMethod.POST, "/api/v1/hazards", INSPECTOR, ENGLISH, body, HttpStatus.BAD_REQUEST);

        assertThat(zh.path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        assertThat(zh.path("title").asText()).isEqualTo("请求参数有误");
        assertThat(zh.path("detail").asText()).isEqualTo("请求参数有误：enterprise 必须是 18 位统一社会信用代码。");
        assertThat(zh.path("errors").get(0).path("field").asText()).isEqualTo("enterprise");
        assertThat(zh.path("errors").get(0).path("message").asText()).isEqualTo("必须是 18 位统一社会信用代码");
        assertThat(en.path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        assertThat(en.path("title").asText()).isEqualTo("Invalid input");
        assertThat(en.path("detail").asText())
                .isEqualTo("The request is invalid: enterprise must be an 18-character unified social credit code.");
        assertThat(en.path("errors").get(0).path("message").asText())
                .isEqualTo("must be an 18-character unified social credit code");
    }

    @Test
    void aStandardConstraintIsSaidInChineseToo() {
        String body =
                """
                {"enterprise": "%s", "source": "PLATFORM_SCREENING", "grade": "GENERAL", "description": " ",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant, today, today.plusDays(5));

        JsonNode zh = problem(HttpMethod.POST, "/api/v1/hazards", INSPECTOR, CHINESE, body, HttpStatus.BAD_REQUEST);
        JsonNode en = problem(HttpMethod.POST, "/api/v1/hazards", INSPECTOR, null, body, HttpStatus.BAD_REQUEST);

        assertThat(zh.path("errors").get(0).path("message").asText()).isEqualTo("不能为空");
        assertThat(en.path("errors").get(0).path("message").asText()).isEqualTo("must not be blank");
    }

    @Test
    void aDomainRefusalListsItsFieldsInTheCallersLanguage() {
        LocalDate tomorrow = today.plusDays(1);
        String body = hazard(plant, "PLATFORM_SCREENING", tomorrow, tomorrow.plusDays(5));

        JsonNode zh = problem(HttpMethod.POST, "/api/v1/hazards", INSPECTOR, CHINESE, body, HttpStatus.BAD_REQUEST);
        JsonNode en = problem(HttpMethod.POST, "/api/v1/hazards", INSPECTOR, ENGLISH, body, HttpStatus.BAD_REQUEST);

        assertThat(zh.path("detail").asText()).isEqualTo("隐患信息有误：foundOn 不得晚于今天（" + today + "）。");
        assertThat(zh.path("errors").get(0).path("message").asText()).isEqualTo("不得晚于今天（" + today + "）");
        assertThat(en.path("detail").asText())
                .isEqualTo("The hazard is invalid: foundOn must not be after today (" + today + ").");
        assertThat(en.path("errors").get(0).path("message").asText())
                .isEqualTo("must not be after today (" + today + ")");
    }

    @Test
    void notFoundIsSaidInTheCallersLanguage() {
        JsonNode zh =
                problem(HttpMethod.GET, "/api/v1/hazards/987654321", INSPECTOR, CHINESE, null, HttpStatus.NOT_FOUND);
        JsonNode en =
                problem(HttpMethod.GET, "/api/v1/hazards/987654321", INSPECTOR, ENGLISH, null, HttpStatus.NOT_FOUND);

        assertThat(zh.path("type").asText()).isEqualTo("urn:safereg:problem:not-found");
        assertThat(zh.path("title").asText()).isEqualTo("未找到");
        assertThat(zh.path("detail").asText()).isEqualTo("未找到隐患 987654321。");
        assertThat(en.path("title").asText()).isEqualTo("Not found");
        assertThat(en.path("detail").asText()).isEqualTo("No hazard 987654321 is known.");
    }

    @Test
    void aConflictWithTheCurrentStateIsSaidInTheCallersLanguage() {
        long id = recordHazard();
        String rectified = "{\"rectifiedOn\": \"%s\"}".formatted(today);
        call(HttpMethod.POST, "/api/v1/hazards/" + id + "/rectification", INSPECTOR, ENGLISH, rectified);

        String path = "/api/v1/hazards/" + id + "/rectification";
        JsonNode zh = problem(HttpMethod.POST, path, INSPECTOR, CHINESE, rectified, HttpStatus.CONFLICT);
        JsonNode en = problem(HttpMethod.POST, path, INSPECTOR, ENGLISH, rectified, HttpStatus.CONFLICT);

        assertThat(zh.path("type").asText()).isEqualTo("urn:safereg:problem:conflict");
        assertThat(zh.path("title").asText()).isEqualTo("与当前状态冲突");
        assertThat(zh.path("detail").asText()).isEqualTo("隐患 " + id + " 已于 " + today + " 完成整改。");
        assertThat(en.path("title").asText()).isEqualTo("Conflict");
        assertThat(en.path("detail").asText()).isEqualTo("Hazard " + id + " was already rectified on " + today + ".");
    }

    @Test
    void withoutATokenTheCallerIsToldInTheirLanguage() {
        JsonNode zh = problem(HttpMethod.GET, "/api/v1/hazards", null, CHINESE, null, HttpStatus.UNAUTHORIZED);
        JsonNode en = problem(HttpMethod.GET, "/api/v1/hazards", null, ENGLISH, null, HttpStatus.UNAUTHORIZED);

        assertThat(zh.path("type").asText()).isEqualTo("urn:safereg:problem:unauthorized");
        assertThat(zh.path("title").asText()).isEqualTo("未通过身份认证");
        assertThat(zh.path("detail").asText()).isEqualTo("此请求需要持有者令牌：请发送请求头“Authorization: Bearer <令牌>”。");
        assertThat(zh.path("traceId").asText()).isNotBlank();
        assertThat(en.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(en.path("detail").asText())
                .isEqualTo("This request needs a bearer token: send the header 'Authorization: Bearer <token>'.");
    }

    @Test
    void aRefusedRoleAndAnEnterpriseOverstepping403InTheCallersLanguage() {
        JsonNode role = problem(HttpMethod.GET, "/api/v1/hazards", GATEWAY, CHINESE, null, HttpStatus.FORBIDDEN);
        String platform = hazard(plant, "PLATFORM_SCREENING", today, today.plusDays(5));
        String ownToken = TestTokens.enterprise(plant);
        JsonNode zh = problem(HttpMethod.POST, "/api/v1/hazards", ownToken, CHINESE, platform, HttpStatus.FORBIDDEN);
        JsonNode en = problem(HttpMethod.POST, "/api/v1/hazards", ownToken, ENGLISH, platform, HttpStatus.FORBIDDEN);

        assertThat(role.path("type").asText()).isEqualTo("urn:safereg:problem:forbidden");
        assertThat(role.path("title").asText()).isEqualTo("无权访问");
        assertThat(role.path("detail").asText()).isEqualTo("此令牌的角色无权执行此请求。");
        assertThat(zh.path("detail").asText()).startsWith("企业只能登记本企业自查发现的隐患（SELF_CHECK）");
        assertThat(en.path("title").asText()).isEqualTo("Forbidden");
        assertThat(en.path("detail").asText()).startsWith("An enterprise records only its own self-check hazards");
    }

    @Test
    void aBodyThatIsNotTheBatchIsSaidInTheCallersLanguage() {
        JsonNode zh = problem(HttpMethod.POST, "/api/v1/readings", GATEWAY, CHINESE, "{}", HttpStatus.BAD_REQUEST);
        JsonNode en = problem(HttpMethod.POST, "/api/v1/readings", GATEWAY, ENGLISH, "{}", HttpStatus.BAD_REQUEST);
        JsonNode broken = problem(
                HttpMethod.POST, "/api/v1/readings", GATEWAY, CHINESE, "{\"readings\": [", HttpStatus.BAD_REQUEST);

        assertThat(zh.path("type").asText()).isEqualTo("urn:safereg:problem:malformed-request");
        assertThat(zh.path("title").asText()).isEqualTo("请求格式有误");
        assertThat(zh.path("detail").asText())
                .isEqualTo("请求体没有字段“readings”；请求体必须是 JSON 对象，读数放在数组“readings”中：{\"readings\": [...]}。");
        assertThat(en.path("detail").asText())
                .isEqualTo("The request body has no field 'readings'; it must be a JSON object with the readings in an"
                        + " array 'readings': {\"readings\": [...]}.");
        assertThat(broken.path("detail").asText()).startsWith("请求体不是格式正确的 JSON（第 1 行");
    }

    @Test
    void aRefusedRuleFileIsSaidWithTheChineseOfEachProblem() {
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("files", new ByteArrayResource("indicator,weight\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "credit-scoring.csv";
            }
        });
        HttpHeaders headers = headers(TestTokens.policyAdmin(), CHINESE);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> answer =
                rest.exchange("/api/v1/rule-sets", HttpMethod.POST, new HttpEntity<>(files, headers), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode zh = answer.getBody();
        assertThat(zh.path("type").asText()).isEqualTo("urn:safereg:problem:rule-file-refused");
        assertThat(zh.path("title").asText()).isEqualTo("规则文件被拒收");
        assertThat(zh.path("detail").asText()).startsWith("上传被拒收，未保存任何内容：credit-scoring.csv：");
        assertThat(zh.path("detail").asText()).contains("不接受此类文件");
    }

    @Test
    void theLanguageFollowsTheCallersPreferenceAndIsEnglishOtherwise() {
        String path = "/api/v1/hazards/987654321";

        assertThat(detail(path, "zh")).isEqualTo("未找到隐患 987654321。");
        assertThat(detail(path, "en-US,zh;q=0.5")).isEqualTo("No hazard 987654321 is known.");
        assertThat(detail(path, "fr-FR,zh-CN;q=0.8")).isEqualTo("未找到隐患 987654321。");
        assertThat(detail(path, "de")).isEqualTo("No hazard 987654321 is known.");
        assertThat(detail(path, "zh-TW")).isEqualTo("No hazard 987654321 is known.");
        assertThat(detail(path, null)).isEqualTo("No hazard 987654321 is known.");
    }

    @Test
    void everyProblemCarriesTheTraceIdOfItsRequest() {
        HttpHeaders traced = headers(INSPECTOR, ENGLISH);
        traced.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ResponseEntity<JsonNode> fromTraceparent =
                rest.exchange("/api/v1/hazards/987654321", HttpMethod.GET, new HttpEntity<>(traced), JsonNode.class);
        HttpHeaders requested = headers(INSPECTOR, ENGLISH);
        requested.set("X-Request-Id", "gateway-req-42");
        ResponseEntity<JsonNode> fromRequestId =
                rest.exchange("/api/v1/hazards/987654321", HttpMethod.GET, new HttpEntity<>(requested), JsonNode.class);
        ResponseEntity<JsonNode> made = rest.exchange(
                "/api/v1/hazards/987654321",
                HttpMethod.GET,
                new HttpEntity<>(headers(INSPECTOR, ENGLISH)),
                JsonNode.class);

        assertThat(fromTraceparent.getHeaders().getFirst("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(fromTraceparent.getBody().path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(fromRequestId.getHeaders().getFirst("X-Trace-Id")).isEqualTo("gateway-req-42");
        assertThat(fromRequestId.getBody().path("traceId").asText()).isEqualTo("gateway-req-42");
        assertThat(made.getHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
        assertThat(made.getBody().path("traceId").asText())
                .isEqualTo(made.getHeaders().getFirst("X-Trace-Id"));
    }

    @Test
    void aSuccessfulAnswerCarriesItsTraceIdToo() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health/liveness", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
    }

    private long recordHazard() {
        ResponseEntity<JsonNode> created = call(
                HttpMethod.POST,
                "/api/v1/hazards",
                INSPECTOR,
                ENGLISH,
                hazard(plant, "PLATFORM_SCREENING", today.minusDays(2), today.plusDays(5)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private String detail(String path, String language) {
        ResponseEntity<JsonNode> answer = call(HttpMethod.GET, path, INSPECTOR, language, null);
        return answer.getBody().path("detail").asText();
    }

    private JsonNode problem(
            HttpMethod method, String path, String token, String language, String body, HttpStatus expected) {
        ResponseEntity<JsonNode> answer = call(method, path, token, language, body);
        assertThat(answer.getStatusCode()).isEqualTo(expected);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // the trace id of the answer is the one in its body
        assertThat(answer.getBody().path("traceId").asText())
                .isEqualTo(answer.getHeaders().getFirst("X-Trace-Id"));
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String language, String body) {
        HttpHeaders headers = headers(token, language);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpHeaders headers(String token, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return headers;
    }

    private static String hazard(String enterprise, String source, LocalDate found, LocalDate deadline) {
        return """
                {"enterprise": "%s", "source": "%s", "grade": "GENERAL", "description": "储罐区静电接地失效",
                 "foundOn": "%s", "deadline": "%s"}
                """
                .formatted(enterprise, source, found, deadline);
    }
}
