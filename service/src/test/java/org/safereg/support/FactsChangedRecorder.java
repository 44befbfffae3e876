package org.safereg.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/** Records every {@link EnterpriseFactsChanged} the service publishes, whatever thread publishes it. */
@TestConfiguration(proxyBeanMethods = false)
public class FactsChangedRecorder {

    private final List<EnterpriseFactsChanged> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(EnterpriseFactsChanged event) {
        events.add(event);
    }

    public List<EnterpriseFactsChanged> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
