package org.safereg.impact;

import com.fasterxml.jackson.databind.JsonNode;
import org.safereg.bench.LoadClient;
import org.safereg.rulesets.RuleSetApi;

/**
 * How long an impact simulation takes on a running SafeReg with a generated province
 * (scripts/benchmark-impact.sh starts one): a candidate with stricter tier cut-offs (tier B from 85) is
 * uploaded and simulated against the version in force three times; prints the wall time and the
 * service's own figure of each run, and what the simulation found. Then, on the same service and province,
 * the full recompute it is measured against (the target: a simulation takes no longer): a full
 * credit run followed by a full risk recompute, twice, each followed through its job; prints each and the
 * ratio of the best simulation to the best recompute. Only ever aimed at 127.0.0.1.
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
        long bestImpact = Long.MAX_VALUE;
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
            bestImpact = Math.min(bestImpact, (System.nanoTime() - started) / 1_000_000);
        }
        long bestRecompute = Long.MAX_VALUE;
        for (int run = 1; run <= 2; run++) {
            long started = System.nanoTime();
            String credit = client.accepted("POST", base + "/api/v1/credit/evaluations", admin);
            long creditMillis = follow(credit, "state", "SUCCEEDED", started);
            long riskStarted = System.nanoTime();
            String risk = client.accepted("POST", base + "/api/v1/risk/evaluations", admin);
            long riskMillis = follow(risk, "state", "SUCCEEDED", riskStarted);
            long total = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "full recompute %d: credit %,d ms + risk %,d ms = %,d ms wall%n",
                    run, creditMillis, riskMillis, total);
            bestRecompute = Math.min(bestRecompute, total);
        }
        System.out.printf(
                "best simulation %,d ms, best full recompute %,d ms: simulation / recompute = %.2f (target <= 1)%n",
                bestImpact, bestRecompute, (double) bestImpact / bestRecompute);
    }

    /** Polls a job until its state is the one wanted (failing on FAILED); answers the ms since started. */
    private long follow(String location, String field, String done, long started) throws InterruptedException {
        String url = location.startsWith("http") ? location : base + location;
        while (true) {
            String state = client.send("GET", url, admin, null).path(field).asText();
            if (done.equals(state)) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            if ("FAILED".equals(state) || "CANCELLED".equals(state)) {
                throw new IllegalStateException(url + " ended " + state);
            }
            Thread.sleep(50);
        }
    }

    private String upload(byte[] workbook) {
        return client.uploadRuleFile(base, admin, "credit-scoring.xlsx", workbook, "impact benchmark: tier B from 85")
                .path("version")
                .asText();
    }
}
