package org.safereg.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outcome dashboard and an enterprise's own page in a real headless Chromium: the charts are drawn by the
 * ECharts the service serves from its webjar (no network), with the facts of a small province in them. Screenshots
 * are saved with the test reports. Chromium and ChromeDriver as for {@link ConsoleBrowserIntegrationTests}.
 */
@IntegrationTest
class DashboardBrowserIntegrationTests {

    private static final Path REPORTS = Path.of("target", "surefire-reports");
    private static final String VERSION = "0".repeat(64);
    private static ChromeDriver browser;
    private static WebDriverWait waiting;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    Province.Enterprise plant;

    @BeforeAll
    static void startChromium(@TempDir Path profile) {
        Optional<String> chromium = executable("SAFEREG_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
        Optional<String> driver = executable("SAFEREG_CHROMEDRIVER", "chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String why = "Chromium and ChromeDriver are needed for the dashboard's browser test: run .ci/run, which"
                    + " installs Debian's chromium and chromium-driver, or set SAFEREG_CHROMIUM and"
                    + " SAFEREG_CHROMEDRIVER";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,2400",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void aSmallProvince() {
        Province province = Province.reset(jdbc, redis);
        plant = province.middlingChemicalPlant();
        Province.Enterprise builder = province.enterprise("二号建筑", "CONSTRUCTION", "VALID");
        LocalDate today = LocalDate.now();
        // this month and the same month a year ago: accidents; hazards found and verified; an alarm acknowledged
        jdbc.update(
                "INSERT INTO accidents (enterprise_id, occurred_on, grade, deaths, concealed, description)"
                        + " VALUES (?, ?, 'GENERAL', 0, FALSE, '事故')",
                plant.id(),
                today.withDayOfMonth(1));
        jdbc.update(
                "INSERT INTO accidents (enterprise_id, occurred_on, grade, deaths, concealed, description)"
                        + " VALUES (?, ?, 'GENERAL', 0, FALSE, '事故')",
                builder.id(),
                today.withDayOfMonth(1).minusYears(1));
        jdbc.update(
                "INSERT INTO accidents (enterprise_id, occurred_on, grade, deaths, concealed, description)"
                        + " VALUES (?, ?, 'LARGER', 1, FALSE, '事故')",
                builder.id(),
                today.withDayOfMonth(1).minusYears(1));
        for (int months = 0; months < 4; months++) {
            LocalDate found = today.withDayOfMonth(1).minusMonths(months);
            LocalDate verified = found.plusDays(2 + months * 3L);
            if (verified.isAfter(today)) {
                verified = today;
            }
            jdbc.update(
                    "INSERT INTO hazards (enterprise_id, source, grade, description, found_on, deadline,"
                            + " rectified_on, verified_on) VALUES (?, 'SELF_CHECK', 'GENERAL', '消防通道堵塞', ?, ?, ?, ?)",
                    plant.id(),
                    found,
                    found.plusDays(30),
                    verified,
                    verified);
        }
        jdbc.update(
                "INSERT INTO monitoring_points (code, enterprise_id, equipment_type, equipment_id, equipment_name,"
                        + " metric, unit, created_at) VALUES ('DASH-1', ?, 'GAS_DETECTOR', 'G1', '探测器', 'COMBUSTIBLE_GAS',"
                        + " '%LEL', CURRENT_TIMESTAMP)",
                plant.id());
        long point = jdbc.queryForObject("SELECT id FROM monitoring_points WHERE code = 'DASH-1'", Long.class);
        LocalDateTime raised = today.withDayOfMonth(1).atTime(8, 0);
        jdbc.update(
                "INSERT INTO alarms (point_id, episode, enterprise_id, level, colour, state, reading_value,"
                        + " raised_at, changed_at, acknowledged_at, rule_set_version) VALUES (?, 1, ?, 1, 'YELLOW',"
                        + " 'ACKNOWLEDGED', 30, ?, ?, ?, ?)",
                point,
                plant.id(),
                Timestamp.valueOf(raised),
                Timestamp.valueOf(raised),
                Timestamp.valueOf(raised.plusMinutes(4)),
                VERSION);
        jdbc.update(
                "INSERT INTO credit_history (enterprise_id, score, tier, previous_tier, vetoes, rule_set_version,"
                        + " evaluated_at) VALUES (?, 79.5, 'B', NULL, '[]', ?, ?)",
                plant.id(),
                VERSION,
                Timestamp.valueOf(raised.minusMonths(2)));
        jdbc.update(
                "INSERT INTO risk_history (enterprise_id, level, previous_level, cause, rule_set_version,"
                        + " evaluated_at) VALUES (?, 'ORANGE', NULL, 'TEST', ?, ?)",
                plant.id(),
                VERSION,
                Timestamp.valueOf(raised.minusMonths(2)));
        jdbc.update(
                "INSERT INTO risk_results (enterprise_id, level, reasons, fired_rules, rule_set_version,"
                        + " evaluated_at) VALUES (?, 'ORANGE', '[]', '[]', ?, CURRENT_TIMESTAMP)",
                plant.id(),
                VERSION);
    }

    @Test
    void aPolicyOfficerSeesTheIndicatorsChartedAndTheProvinceColouredByRisk() {
        signIn(TestTokens.token("policy-officer-li", List.of("POLICY_VIEWER"), null));
        browser.get("http://127.0.0.1:" + port + "/console/dashboard.html");
        waiting.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

        for (String chart : List.of(
                "chart-accidents",
                "chart-rectification",
                "chart-inspections",
                "chart-alarms",
                "chart-self",
                "chart-credit",
                "chart-risk",
                "chart-heat")) {
            assertThat(browser.findElements(By.cssSelector("#" + chart + " svg path")))
                    .as(chart + " is drawn")
                    .isNotEmpty();
        }
        // the charts hold the facts: this month's accident, last year's two, the acknowledgement of 4 minutes
        assertThat(number("var s = echarts.getInstanceByDom(document.getElementById('chart-accidents')).getOption()"
                        + ".series; return s.filter(x => x.type === 'bar').map(x => x.data[x.data.length - 1])"
                        + ".reduce((a, b) => a + b, 0);"))
                .isEqualTo(1);
        assertThat(number("var s = echarts.getInstanceByDom(document.getElementById('chart-accidents')).getOption()"
                        + ".series; var l = s.find(x => x.type === 'line'); return l.data[l.data.length - 1];"))
                .isEqualTo(2);
        assertThat(number("var s = echarts.getInstanceByDom(document.getElementById('chart-alarms')).getOption()"
                        + ".series; return s[0].data[s[0].data.length - 1];"))
                .isEqualTo(4);
        // the province's picture has the test city, half of whose two enterprises are orange
        assertThat(number("var d = echarts.getInstanceByDom(document.getElementById('chart-heat')).getOption()"
                        + ".series[0].data; return d.find(x => x.region === '149900').value[2];"))
                .isEqualTo(50);
        assertThat(browser.findElement(By.id("verdicts")).getText())
                .contains("事故起数")
                .contains("向好");
        screenshot("dashboard-1-province.png");

        // a bad period is the API's problem, said on the page
        browser.findElement(By.id("f-from")).sendKeys("2025-13");
        browser.findElement(By.id("f-apply")).click();
        waiting.until(ExpectedConditions.attributeToBe(By.id("message"), "class", "error"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("from");
    }

    @Test
    void anEnterpriseReadsWhyAndWhatWouldLiftItsTier() {
        browser.get("http://127.0.0.1:" + port + "/console/enterprise.html");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TestTokens.enterprise(plant.code()));
        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys(plant.code());
        browser.findElement(By.id("show")).click();
        waiting.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("信用等级为 B 级");
        assertThat(browser.findElement(By.id("improvements")).getText()).contains("等级升为 A 级");
        assertThat(browser.findElements(By.cssSelector("#chart-indicators svg path")))
                .isNotEmpty();
        screenshot("dashboard-2-enterprise.png");
    }

    private void signIn(String token) {
        browser.get("http://127.0.0.1:" + port + "/console/");
        browser.executeScript("sessionStorage.setItem('safereg.token', arguments[0]);", token);
    }

    private double number(String script) {
        Object value = browser.executeScript(script);
        assertThat(value).as(script).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(REPORTS);
            Files.write(REPORTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> executable(String variable, String... names) {
        String override = System.getenv(variable);
        if (override != null && !override.isBlank()) {
            return Optional.of(override);
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                File candidate = new File(directory, name);
                if (candidate.canExecute()) {
                    return Optional.of(candidate.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
