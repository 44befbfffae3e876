package org.safereg.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The policy console end to end in a real headless Chromium: sign in, upload a broken workbook and read the
 * failing cell in Chinese and in English, upload a good one and look at its examples, diff and impact (a job
 * whose progress bar follows its events), activate it and roll back. Screenshots of the key steps are saved with
 * the test reports (target/surefire-reports).
 * Chromium and ChromeDriver come from the machine (.ci/run installs Debian's chromium and chromium-driver);
 * without them the test is skipped, except under CI, where it fails.
 */
@IntegrationTest
class ConsoleBrowserIntegrationTests {

    private static final Path REPORTS = Path.of("target", "surefire-reports");
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static ChromeDriver browser;
    private static WebDriverWait waiting;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @TempDir
    Path uploads;

    String shipped;

    @BeforeAll
    static void startChromium(@TempDir Path profile) {
        Optional<String> chromium = executable("SAFEREG_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
        Optional<String> driver = executable("SAFEREG_CHROMEDRIVER", "chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String why = "Chromium and ChromeDriver are needed for the console's browser test: run .ci/run, which"
                    + " installs Debian's chromium and chromium-driver, or set SAFEREG_CHROMIUM and"
                    + " SAFEREG_CHROMEDRIVER";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get());
        // the machine's network is closed: nothing of Chromium's own may try to go out
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
                "--window-size=1400,1000",
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

    @AfterEach
    void signOutOfTheBrowser() {
        // each test starts at the sign-in page in Chinese, whatever the test before it left signed in
        if (browser != null && browser.getCurrentUrl().startsWith("http")) {
            browser.executeScript("window.sessionStorage.clear();");
        }
    }

    @AfterEach
    void putTheShippedVersionBack() {
        if (shipped != null && !shipped.equals(versionInForce())) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(TestTokens.policyAdmin());
            headers.set("Content-Type", "application/json");
            http.exchange(
                    "/api/v1/rule-sets/" + shipped + "/activation",
                    HttpMethod.POST,
                    new HttpEntity<>("{\"reason\":\"back to the shipped rules\"}", headers),
                    String.class);
        }
    }

    @Test
    void aPolicyOfficerFindsTheBrokenCellTestsAndActivatesAVersionThenRollsItBack() throws IOException {
        shipped = versionInForce();
        // two enterprises for the impact to speak of: 79.5 points (B) and 100 points (A)
        Province province = Province.reset(jdbc, redis);
        province.middlingChemicalPlant();
        province.exemplaryChemicalPlant();
        browser.get("http://127.0.0.1:" + port + "/console/");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("SafeReg 规则管理台");

        browser.findElement(By.id("token"))
                .sendKeys(TestTokens.token("policy-officer-li", List.of("POLICY_ADMIN"), null));
        browser.findElement(By.id("signin-token")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "ACTIVE"));
        assertThat(browser.findElement(By.id("who")).getText()).contains("policy-officer-li");

        // a formula where a number belongs: refused, with the cell and a sentence in Chinese
        browser.findElement(By.id("nav-upload")).click();
        upload(edited(cell -> set(cell, "Credit scoring", 22, 5, "=40+10")), "formula by mistake");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-problems"), "F23"));
        assertThat(text("upload-problems")).contains("Credit scoring", "=40+10", "此处应填写数值，却是公式");
        screenshot("console-1-rejected-zh.png");

        // the same problem in English, on the rejected version's own page
        browser.findElement(By.cssSelector("#upload-result a")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-state"), "REJECTED"));
        browser.findElement(By.id("lang")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("problems"), "a formula where a value is expected"));
        assertThat(text("problems")).contains("F23");
        assertThat(browser.findElements(By.id("activate"))).isEmpty();
        screenshot("console-2-rejected-en.png");

        // a good edit: 90-95 % rectification earns 72 points instead of 70
        browser.findElement(By.id("nav-upload")).click();
        upload(edited(cell -> set(cell, "Credit scoring", 21, 5, 72)), "rectification 90-95 % earns 72");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-state"), "CANDIDATE"));

        browser.findElement(By.id("tab-examples")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("examples-summary"), "0 failed"));
        assertThat(text("examples")).contains("REGRESSION", "exactly 75", "passed");

        browser.findElement(By.id("tab-diff")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff-rows"), "72"));
        assertThat(text("diff-rows")).contains("Scoring bands_22", "F (得分 Points): 70 → 72");

        // the simulation runs as a job: a progress bar follows its events to 100 %, then the report appears
        browser.findElement(By.id("tab-impact")).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("run-impact")))
                .click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("job-progress")));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-percent"), "100 %"));
        assertThat(browser.findElement(By.id("job-progress")).getDomProperty("value"))
                .isEqualTo("100");
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("impact-credit-numbers")));
        assertThat(text("impact")).contains("Credit tier", "Risk level", "Inspection workload", "Alarms");
        assertThat(text("impact-credit-numbers")).contains("Enterprises: 2", "changed: 0");
        // no enforcement decision taken yet: none to decide again
        assertThat(text("impact-enforcement-numbers")).contains("Decisions: 0", "changed: 0", "band: 0");
        screenshot("console-3-impact.png");

        browser.findElement(By.id("activate")).click();
        browser.findElement(By.id("reason")).sendKeys("notice 2026-9");
        browser.findElement(By.id("confirm-yes")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-state"), "ACTIVE"));
        String activated =
                browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(versionInForce()).isEqualTo(activated);

        // the history shows it in force; the shipped version rolls back from its own page
        browser.findElement(By.id("nav-versions")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "RETIRED"));
        browser.findElement(By.cssSelector("#versions a[data-version='" + shipped + "']"))
                .click();
        WebElement rollback = waiting.until(ExpectedConditions.elementToBeClickable(By.id("activate")));
        assertThat(rollback.getText()).isEqualTo("Roll back to this version");
        rollback.click();
        browser.findElement(By.id("reason")).sendKeys("complaints: back to 70");
        browser.findElement(By.id("confirm-yes")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-state"), "ACTIVE"));
        assertThat(versionInForce()).isEqualTo(shipped);
        browser.findElement(By.id("nav-audit")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "ROLLED_BACK"));
        assertThat(text("audit")).contains("complaints: back to 70", "notice 2026-9", "policy-officer-li");
        screenshot("console-4-audit.png");
    }

    @Test
    void aPolicyOfficerReadsADmnModelAsDecisionTablesWithItsChangesAndFindings() throws IOException {
        shipped = versionInForce();
        browser.get("http://127.0.0.1:" + port + "/console/");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token"))
                .sendKeys(TestTokens.token("policy-officer-li", List.of("POLICY_ADMIN"), null));
        browser.findElement(By.id("signin-token")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions"), "ACTIVE"));

        Path model = Files.createTempDirectory(uploads, "model").resolve("discretion-band.dmn");
        try (var in = ConsoleBrowserIntegrationTests.class.getResourceAsStream("/dmn/discretion-band.dmn")) {
            Files.write(model, in.readAllBytes());
        }
        browser.findElement(By.id("nav-upload")).click();
        upload(model, "discretion bands in DMN");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-state"), "CANDIDATE"));

        browser.findElement(By.id("tab-models")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("model-0")));
        String band = text("model-0");
        assertThat(band)
                .contains("offences in 12 months", "corrected on the spot", "band")
                .contains("first offence corrected on the spot", ">= 1", "\"severe\"");
        // every rule is new against the version in force, and the gap the analysis found is shown under the table
        assertThat(browser.findElements(By.cssSelector("#model-0 tbody tr.changed")))
                .hasSize(3);
        assertThat(text("tab-content")).contains("命中策略: UNIQUE");
        assertThat(text("model-0-warnings")).contains("band_table", "决策表存在缺口");
        assertThat(text("model-1")).contains("\"ordinary\"", "0.5");
        screenshot("console-5-dmn-tables-zh.png");

        browser.findElement(By.id("lang")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tab-models"), "DMN decision tables"))
                .booleanValue();
        browser.findElement(By.id("tab-models")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("model-0-warnings"), "the decision table has a gap"));
        assertThat(text("tab-content")).contains("Hit policy: UNIQUE", "ADDED");
        screenshot("console-6-dmn-tables-en.png");
    }

    private void upload(Path workbook, String comment) {
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-files")))
                .sendKeys(workbook.toAbsolutePath().toString());
        browser.findElement(By.id("upload-comment")).sendKeys(comment);
        browser.findElement(By.id("upload-submit")).click();
    }

    /** The shipped credit-scoring.xlsx with one edit, saved under its own name as an author would. */
    private Path edited(Consumer<Workbook> edit) throws IOException {
        Path folder = Files.createTempDirectory(uploads, "upload");
        Path file = folder.resolve("credit-scoring.xlsx");
        try (var in = Files.newInputStream(REPOSITORY.resolve("decision-tables/credit-scoring.xlsx"));
                Workbook book = WorkbookFactory.create(in);
                var out = Files.newOutputStream(file)) {
            edit.accept(book);
            book.write(out);
        }
        return file;
    }

    private static void set(Workbook book, String sheet, int row, int column, Object value) {
        var cell = book.getSheet(sheet).getRow(row).getCell(column);
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value.toString().startsWith("=")) {
            cell.setCellFormula(value.toString().substring(1));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(REPORTS);
            Files.write(REPORTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String versionInForce() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.policyAdmin());
        return http.exchange("/api/v1/rule-sets?limit=1", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getHeaders()
                .getFirst("X-SafeReg-Rule-Set");
    }

    /** An override from the environment, else the first of {@code names} found on the PATH. */
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
