package org.safereg.monitoring;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.safereg.system.Caller;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of alarm changes to the subscribers connected to this instance; an enterprise
 * subscriber receives only its own. {@link AlarmBroadcast} brings it the changes of every instance. Open
 * streams are ended when the service shuts down: the web server's graceful shutdown would otherwise wait
 * its whole timeout for them.
 */
final class AlarmStream implements ApplicationListener<ContextClosedEvent> {

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    SseEmitter subscribe(Caller caller, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Subscriber subscriber = new Subscriber(emitter, caller);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            emitter.send(SseEmitter.event().comment("subscribed"));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    void publish(List<AlarmView> changes) {
        for (AlarmView change : changes) {
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.caller().mayAccessEnterprise(change.enterprise())) {
                    continue;
                }
                try {
                    subscriber
                            .emitter()
                            .send(SseEmitter.event()
                                    .name("alarm")
                                    .id(change.id() + ":" + change.lastEvent())
                                    .data(change));
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(subscriber);
                }
            }
        }
    }

    /** Published before the web server's graceful shutdown, which waits for requests still open. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        for (Subscriber subscriber : subscribers) {
            subscribers.remove(subscriber);
            subscriber.emitter().complete();
        }
    }

    int subscribers() {
        return subscribers.size();
    }

    private record Subscriber(SseEmitter emitter, Caller caller) {}
}
