package org.safereg.positioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load of position events on a running SafeReg (scripts/load-positions.sh starts one on
 * MariaDB and Redis): two gateways, each with its own persons, send batches in which every person
 * enters an area or leaves the one it is in, as fast as the service takes them. Reports events/s taken
 * and the refusals by reason (there should be none). Only ever aimed at 127.0.0.1; bounded in time.
 */
public final class PositionsLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AREAS = 200;
    private static final int PERSONS_PER_GATEWAY = 5_000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final PrivateKey key;
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    private PositionsLoad(String base, PrivateKey key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String host = URI.create(base).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load is only ever sent to 127.0.0.1 or localhost");
        }
        String text = Files.readString(Path.of(args[1]))
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        new PositionsLoad(base, key).run(Integer.parseInt(args[2]));
    }

    private void run(int seconds) throws Exception {
        String admin = token("load-admin", "POLICY_ADMIN");
        String gateway = token("load-gateway", "SENSOR_GATEWAY");
        String enterprise = anEnterprise(admin);
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

    private String anEnterprise(String token) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            JsonNode page = get("/api/v1/credit/enterprises?limit=1", token);
            if (page.path("items").size() > 0) {
                return page.path("items").get(0).path("creditCode").asText();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service has no evaluated enterprise to attach areas to");
    }

    private JsonNode get(String path, String token) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    private JsonNode send(String path, String token, String body) {
        return exchange(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private JsonNode exchange(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String subject, String role) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", List.of(role))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
