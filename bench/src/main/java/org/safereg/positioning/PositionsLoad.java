package org.safereg.positioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.safereg.bench.LoadClient;

/**
 * End-to-end load of position events on a running SafeReg (scripts/load-positions.sh starts one on
 * MariaDB and Redis): two gateways, each with its own persons, send batches in which every person
 * enters an area or leaves the one it is in, as fast as the service takes them. Reports events/s taken
 * and the refusals by reason (there should be none). Only ever aimed at 127.0.0.1; bounded in time.
 */
public final class PositionsLoad {

    private static final ObjectMapper JSON = LoadClient.JSON;
    private static final int AREAS = 200;
    private static final int PERSONS_PER_GATEWAY = 5_000;

    private final LoadClient client = new LoadClient();
    private final String base;
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    private PositionsLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        new PositionsLoad(LoadClient.local(args[0])).run(Integer.parseInt(args[1]));
    }

    private void run(int seconds) throws Exception {
        String admin = LoadClient.token("load-admin", "POLICY_ADMIN");
        String gateway = LoadClient.token("load-gateway", "SENSOR_GATEWAY");
        String enterprise = client.anEnterprise(base, admin);
        System.out.printf("registering %d key areas (capacity 100, dwell limit 480 min)%n", AREAS);
        for (int i = 0; i < AREAS; i++) {
            ObjectNode area = JSON.createObjectNode();
            area.put("code", "LOAD-K-" + i);
            area.put("enterprise", enterprise);
            area.put("name", "load area " + i);
            area.put("type", "KEY");
            area.put("capacity", 100);
            area.put("dwellLimitMinutes", 480);
            send("/api/v1/mine-areas", admin, area.toString());
        }
        AtomicLong taken = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            int gw = g;
            Thread sender = new Thread(() -> {
                // every person alternates entering an area and leaving it; times step 1 ms per event
                long at = Instant.now().minusSeconds(600).toEpochMilli();
                boolean inside = false;
                while (System.nanoTime() < deadline) {
                    ArrayNode events = JSON.createArrayNode();
                    for (int p = 0; p < PERSONS_PER_GATEWAY; p++) {
                        ObjectNode e = events.addObject();
                        e.put("card", String.format("G%dP%05d", gw, p));
                        e.put("area", "LOAD-K-" + (p % AREAS));
                        e.put("action", inside ? "LEAVE" : "ENTER");
                        e.put("at", Instant.ofEpochMilli(at++).toString());
                    }
                    inside = !inside;
                    ObjectNode body = JSON.createObjectNode();
                    body.set("positions", events);
                    JsonNode answer = send("/api/v1/positions", gateway, body.toString());
                    taken.addAndGet(answer.path("accepted").asLong());
                    answer.path("rejected").forEach(r -> refused.computeIfAbsent(
                                    r.path("reason").asText(), k -> new AtomicLong())
                            .incrementAndGet());
                    batches.incrementAndGet();
                }
            });
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "sustained: %,d position events taken in %.1f s = %,.0f events/s (%d batches of %,d from 2 gateways);"
                        + " refused by reason %s%n",
                taken.get(),
                elapsed,
                taken.get() / elapsed,
                batches.get(),
                PERSONS_PER_GATEWAY,
                new TreeMap<>(refused));
    }

    private JsonNode send(String path, String token, String body) {
        return client.send("POST", base + path, token, body);
    }
}
