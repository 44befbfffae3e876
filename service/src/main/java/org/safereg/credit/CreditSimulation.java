package org.safereg.credit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.jobs.Progress;
import org.safereg.system.ReadAhead;
import org.springframework.stereotype.Component;

/**
 * The credit side of an impact simulation: every enterprise decided on the rules in force and on a candidate,
 * from the same facts, by the same evaluation as a full run, with nothing stored.
 */
@Component
public class CreditSimulation {

    /** One enterprise's credit on both versions; a null tier where that version's tables cannot decide it. */
    public record Outcome(
            long enterpriseId,
            String creditCode,
            String tierBefore,
            Double scoreBefore,
            String tierAfter,
            Double scoreAfter) {

        public boolean changed() {
            return tierBefore == null ? tierAfter != null : !tierBefore.equals(tierAfter);
        }
    }

    private final CreditPages pages;
    private final CreditProperties properties;
    private final Clock clock;

    CreditSimulation(CreditPages pages, CreditProperties properties, Clock clock) {
        this.pages = pages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Page by page as a full run reads them, reporting the enterprises decided once a page; a model that cannot
     * decide an enterprise shows it without a tier.
     */
    public List<Outcome> simulate(RuleSetSnapshot before, RuleSetSnapshot after, Progress progress) {
        CreditWindow window = CreditWindow.now(clock, properties);
        ExecutorService reader = ReadAhead.reader("impact-credit-reader");
        try {
            return simulate(before, after, progress, window, reader);
        } finally {
            reader.shutdownNow();
        }
    }

    /** The next page is read while this one is decided on both versions. */
    private List<Outcome> simulate(
            RuleSetSnapshot before,
            RuleSetSnapshot after,
            Progress progress,
            CreditWindow window,
            ExecutorService reader) {
        List<Outcome> outcomes = new ArrayList<>();
        CompletableFuture<CreditPage> next = CompletableFuture.supplyAsync(() -> pages.after(0, window), reader);
        while (true) {
            CreditPage page = ReadAhead.joined(next);
            if (page.isEmpty()) {
                return outcomes;
            }
            next = CompletableFuture.supplyAsync(() -> pages.after(page.lastId(), window), reader);
            List<CreditDecisions.Decision> was = CreditDecisions.decide(before, page, window);
            List<CreditDecisions.Decision> will = CreditDecisions.decide(after, page, window);
            for (int i = 0; i < was.size(); i++) {
                CreditAssessment a = was.get(i).assessment();
                CreditAssessment b = will.get(i).assessment();
                CreditFactsRow row = was.get(i).row();
                outcomes.add(new Outcome(
                        row.enterpriseId(),
                        row.creditCode(),
                        a == null ? null : a.tier(),
                        a == null ? null : a.score(),
                        b == null ? null : b.tier(),
                        b == null ? null : b.score()));
            }
            progress.advance(page.rows().size());
        }
    }
}
