package org.safereg.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.clienttests.Clients.failure;
import static org.safereg.clienttests.Clients.problem;
import static org.safereg.clienttests.Clients.ruleSetOf;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.client.ApiException;
import org.safereg.client.ApiResponse;
import org.safereg.client.api.RuleSetsApi;
import org.safereg.client.model.AuditEntry;
import org.safereg.client.model.ExampleResults;
import org.safereg.client.model.FileView;
import org.safereg.client.model.Problem;
import org.safereg.client.model.RuleSetControllerReason;
import org.safereg.client.model.RuleSetProblem;
import org.safereg.client.model.VersionView;
import org.safereg.client.model.VersionView.StateEnum;
import org.safereg.rulesets.RuleSetApi;
import org.safereg.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Policy staff upload an edited workbook, check it, approve it with four eyes, activate it and roll back, all
 * through the generated client.
 */
@IntegrationTest
class RuleSetsClientIntegrationTests {

    private static final String AUTHOR = "policy-officer-li";
    private static final String HEAD = "policy-head-wang";

    @LocalServerPort
    int port;

    @TempDir
    Path uploads;

    private RuleSetsApi author;
    private RuleSetsApi head;
    private String shipped;

    @BeforeEach
    void rememberTheVersionInForce() throws ApiException {
        Clients clients = new Clients(port);
        author = clients.ruleSets(RuleSetApi.admin(AUTHOR));
        head = clients.ruleSets(RuleSetApi.admin(HEAD));
        shipped = versionInForce();
    }

    @AfterEach
    void putTheShippedVersionBack() throws ApiException {
        if (!shipped.equals(versionInForce())) {
            head.activateRuleSet(shipped, reason("back to the shipped rules for the next test"));
        }
    }

    @Test
    void anEditedWorkbookIsUploadedCheckedApprovedByASecondAdminActivatedAndRolledBack() throws Exception {
        // tier B from 78 points instead of 75; the workbook's own example of 75 points now expects tier C
        File workbook = file(
                CREDIT,
                RuleSetApi.edited(
                        CREDIT,
                        RuleSetApi.set(SHEET, "C49", 78)
                                .andThen(RuleSetApi.set(SHEET, "D50", 78))
                                .andThen(RuleSetApi.set("Examples", "M10", "C"))));

        ApiResponse<VersionView> uploaded = author.uploadRuleSetWithHttpInfo(null, "tier B from 78", List.of(workbook));

        assertThat(uploaded.getStatusCode()).isEqualTo(201);
        VersionView candidate = uploaded.getData();
        String version = candidate.getVersion();
        assertThat(uploaded.getHeaders().get("Location")).containsExactly("/api/v1/rule-sets/" + version);
        assertThat(candidate.getState()).isEqualTo(StateEnum.CANDIDATE);
        assertThat(candidate.getActive()).isFalse();
        assertThat(candidate.getParentVersion()).isEqualTo(shipped);
        assertThat(candidate.getAuthor()).isEqualTo(AUTHOR);
        assertThat(candidate.getComment()).isEqualTo("tier B from 78");
        assertThat(candidate.getProblems()).isEmpty();
        assertThat(candidate.getFiles())
                .extracting(FileView::getPath)
                .contains("decision-tables/credit-scoring.xlsx", "rules/credit-vetoes.drl");
        assertThat(head.getRuleSet(version)).isEqualTo(candidate);
        assertThat(head.getRuleSetFile(version, "decision-tables", CREDIT)).hasSameBinaryContentAs(workbook);
        assertThat(head.getGeneratedDrl(version, "decision-tables", CREDIT))
                .contains("package org.safereg.credit.rules;")
                .contains("rule \"Scoring bands_21\"");

        ExampleResults examples = head.getRuleSetExamples(version);
        assertThat(examples.getVersion()).isEqualTo(version);
        assertThat(examples.getFailed()).isZero();
        assertThat(examples.getPassed()).isPositive();
        assertThat(examples.getCases())
                .allSatisfy(example -> assertThat(example.getPassed()).isTrue());

        // four eyes: the author may not approve their own version, a second policy admin may
        ApiException own = failure(() -> author.approveRuleSet(version, reason("looks right")));
        assertThat(own.getCode()).isEqualTo(409);
        assertThat(problem(own).getDetail()).contains("a second policy admin must approve it");
        VersionView approved = head.approveRuleSet(version, reason("checked against the examples"));
        assertThat(approved.getState()).isEqualTo(StateEnum.APPROVED);
        assertThat(approved.getApprovedBy()).isEqualTo(HEAD);

        ApiResponse<VersionView> activated =
                head.activateRuleSetWithHttpInfo(version, reason("approved at the policy meeting of 3 March"));
        assertThat(activated.getData().getState()).isEqualTo(StateEnum.ACTIVE);
        assertThat(ruleSetOf(activated))
                .as("decided under the version in force before")
                .isEqualTo(shipped);
        assertThat(versionInForce()).isEqualTo(version);
        assertThat(head.getRuleSet(shipped).getState()).isEqualTo(StateEnum.RETIRED);

        VersionView rolledBack = head.activateRuleSet(shipped, reason("tier B complaints: back to 75"));
        assertThat(rolledBack.getState()).isEqualTo(StateEnum.ACTIVE);
        assertThat(versionInForce()).isEqualTo(shipped);
        List<AuditEntry> audit = head.listRuleSetAudit(null, 4);
        assertThat(audit)
                .extracting(AuditEntry::getAction)
                .containsExactly("ROLLED_BACK", "ACTIVATED", "APPROVED", "UPLOADED");
        assertThat(audit.get(0).getActor()).isEqualTo(HEAD);
        assertThat(audit.get(0).getReason()).isEqualTo("tier B complaints: back to 75");
        assertThat(audit.get(3).getActor()).isEqualTo(AUTHOR);
    }

    @Test
    void aWorkbookThatDoesNotCompileIsRejectedWithItsProblemAndNeverActivated() throws Exception {
        File broken = file(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "D21", "abc")));

        ApiException rejected = failure(() -> author.uploadRuleSet(null, "a typo", List.of(broken)));

        assertThat(rejected.getCode()).isEqualTo(422);
        RuleSetProblem problem = problem(rejected, RuleSetProblem.class);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:safereg:problem:rule-set-rejected"));
        assertThat(problem.getProblems()).singleElement().satisfies(located -> {
            assertThat(located.getFile()).isEqualTo("decision-tables/" + CREDIT);
            assertThat(located.getSheet()).isEqualTo(SHEET);
            assertThat(located.getRow()).isEqualTo(21);
            assertThat(located.getColumn()).isEqualTo("D");
            assertThat(located.getCellText()).isEqualTo("abc");
            assertThat(located.getMessageZh()).isNotBlank();
        });
        assertThat(head.getRuleSet(problem.getVersion()).getState()).isEqualTo(StateEnum.REJECTED);
        assertThat(versionInForce()).isEqualTo(shipped);
    }

    @Test
    void anUnknownVersionIsNotFound() {
        ApiException unknown = failure(() -> head.getRuleSet("0".repeat(64)));

        assertThat(unknown.getCode()).isEqualTo(404);
        Problem problem = problem(unknown);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:safereg:problem:not-found"));
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getInstance()).isEqualTo("/api/v1/rule-sets/" + "0".repeat(64));
    }

    /** The version this instance decides with, as every /api answer names it. */
    private String versionInForce() throws ApiException {
        return ruleSetOf(head.listRuleSetsWithHttpInfo(1));
    }

    private File file(String name, byte[] content) throws IOException {
        Path file = Files.createDirectories(uploads.resolve(String.valueOf(System.nanoTime())))
                .resolve(name);
        return Files.write(file, content).toFile();
    }

    private static RuleSetControllerReason reason(String text) {
        return new RuleSetControllerReason().reason(text);
    }
}
