package org.safereg.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events client over plain HTTP, as any client reads {@code text/event-stream}: a thread reads
 * the response line by line and queues each complete event; the end of the stream is an event named
 * {@link #END}.
 */
public final class EventStream implements AutoCloseable {

    /** Queued when the server ends the stream. */
    public static final String END = "(end of stream)";

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Event(String name, String id, JsonNode data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final Thread reader;
    private volatile InputStream body;

    private EventStream(HttpRequest request) {
        reader = new Thread(() -> read(HttpClient.newHttpClient(), request), "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri} with the token in the Authorization header. */
    public static EventStream open(URI uri, String token) {
        return new EventStream(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .build());
    }

    /** The response's status code, once it came. */
    public int status() throws Exception {
        return status.get(20, TimeUnit.SECONDS);
    }

    /** The next event, or null when none came within {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every event up to and with the one named {@code last} (or the end of the stream, or the timeout). */
    public List<Event> until(String last, Duration timeout) throws InterruptedException {
        List<Event> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (event == null) {
                break;
            }
            read.add(event);
            if (event.name().equals(last) || event.name().equals(END)) {
                break;
            }
        }
        return read;
    }

    private void read(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            status.complete(response.statusCode());
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, id, JSON.readTree(data.toString())));
                    name = "message";
                    id = null;
                    data.setLength(0);
                }
            }
            events.add(new Event(END, null, null));
        } catch (IOException e) {
            status.completeExceptionally(e);
            events.add(new Event(END, null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
