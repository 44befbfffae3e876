package org.safereg.impact;

import com.fasterxml.jackson.databind.JsonNode;
import org.safereg.bench.LoadClient;
import org.safereg.rulesets.RuleSetApi;

/**
 * How long an impact simulation takes on a running SafeReg with a generated province
 * (scripts/benchmark-impact.sh starts one): a candidate with stricter tier cut-offs (tier B from 85) is
 * uploaded and simulated against the version in force three times; prints the wall time and the
 * service's own figure of each run, and what the simulation found. Only ever aimed at 127.0.0.1.
 */
public final class ImpactBenchmark {

    private final LoadClient client = new LoadClient();
    private final String base;
    private final String admin = LoadClient.token("bench-admin", "POLICY_ADMIN");

    private ImpactBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        new ImpactBenchmark(LoadClient.local(args[0])).run();
    }

    private void run() throws Exception {
        while (client.send("GET", base + "/api/v1/risk/enterprises?limit=1", admin, null)
                .path("items")
                .isEmpty()) {
            Thread.sleep(1_000);
        }
        String version = upload(RuleSetApi.edited(
                RuleSetApi.CREDIT,
                RuleSetApi.set(RuleSetApi.SHEET, "C49", 85)
                        .andThen(RuleSetApi.set(RuleSetApi.SHEET, "D50", 85))
                        .andThen(RuleSetApi.set("Examples", "M10", "C"))));
        for (int run = 1; run <= 3; run++) {
            long started = System.nanoTime();
            JsonNode impact = client.send("POST", base + "/api/v1/rule-sets/" + version + "/impact", admin, null);
            System.out.printf(
                    "run %d: %,d ms wall, %,d ms in the service; credit %,d enterprises, %,d change tier (%d groups);"
                            + " risk %,d change level; inspections a year %.1f -> %.1f; %,d latest readings, %,d alarm"
                            + " differently%n",
                    run,
                    (System.nanoTime() - started) / 1_000_000,
                    impact.path("millis").asLong(),
                    impact.path("credit").path("enterprises").asInt(),
                    impact.path("credit").path("changed").asInt(),
                    impact.path("credit").path("groups").size(),
                    impact.path("risk").path("changed").asInt(),
                    impact.path("inspection").path("visitsBefore").asDouble(),
                    impact.path("inspection").path("visitsAfter").asDouble(),
                    impact.path("alarms").path("readings").asInt(),
                    impact.path("alarms").path("differently").asInt());
        }
    }

    private String upload(byte[] workbook) {
        return client.uploadRuleFile(base, admin, "credit-scoring.xlsx", workbook, "impact benchmark: tier B from 85")
                .path("version")
                .asText();
    }
}
