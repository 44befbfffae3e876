package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The credit run's threads end with the application context, even while they are busy. */
class CreditThreadsTests {

    @Test
    void busyThreadsStopWhenTheContextCloses() {
        ConcurrentLinkedQueue<Thread> started = new ConcurrentLinkedQueue<>();
        CreditThreads[] held = new CreditThreads[1];

        new ApplicationContextRunner()
                .withBean(CreditThreads.class, CreditThreads::new)
                .run(context -> {
                    CreditThreads threads = context.getBean(CreditThreads.class);
                    held[0] = threads;
                    CountDownLatch busy = new CountDownLatch(4);
                    for (ExecutorService executor :
                            List.of(threads.background, threads.reader, threads.writer, threads.readModelWriter)) {
                        executor.execute(() -> {
                            started.add(Thread.currentThread());
                            busy.countDown();
                            try {
                                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    }
                    assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
                });

        assertThat(held[0].isTerminated()).isTrue();
        assertThat(started)
                .extracting(Thread::getName)
                .containsExactlyInAnyOrder(
                        "credit-evaluation",
                        "credit-facts-reader",
                        "credit-results-writer",
                        "credit-read-model-writer");
        assertThat(started).noneMatch(Thread::isAlive);
    }
}
