package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hashing memory budget with real threads: what fits runs at once, the rest waits its turn, nothing is lost. */
class HashingMemoryTest {
    @Test
    void asManyHashesRunAtOnceAsTheBudgetHoldsAndTheOthersWait() throws Exception {
        HashingMemory memory = new HashingMemory(3 * 1_000);
        int hashes = 12;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch threeInside = new CountDownLatch(3);
        ExecutorService threads = Executors.newFixedThreadPool(hashes);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < hashes; i++) {
                int n = i;
                results.add(threads.submit(() -> memory.use(1_000, () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    threeInside.countDown();
                    try {
                        // the first three wait for each other: proof that three fit at once
                        assertThat(threeInside.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < hashes; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mostAtOnce.get()).isEqualTo(3);
        assertThat(memory.peakKib()).isEqualTo(3_000);
    }

    @Test
    void aHashLargerThanTheBudgetRunsAloneInsteadOfNever() {
        HashingMemory memory = new HashingMemory(1_000);
        assertThat(memory.use(50_000, () -> "done")).isEqualTo("done");
        assertThat(memory.peakKib()).isEqualTo(1_000);
        assertThat(memory.use(1_000, () -> "again"))
                .as("the budget was given back")
                .isEqualTo("again");
    }

    @Test
    void aFailingHashGivesItsShareBack() {
        HashingMemory memory = new HashingMemory(1_000);
        assertThatThrownBy(() -> memory.use(1_000, () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(memory.use(1_000, () -> "after")).isEqualTo("after");
    }

    @Test
    void nativeHashesRunOnePerCoreWhateverTheHeap() {
        assertThat(HashingMemory.sharedBudgetKib(true, 2, 96L << 20)).isEqualTo(2 * Argon2UserCredentials.MEMORY_KIB);
        assertThat(HashingMemory.sharedBudgetKib(true, 8, 128L << 20)).isEqualTo(8 * Argon2UserCredentials.MEMORY_KIB);
        assertThat(HashingMemory.sharedBudgetKib(true, 0, 128L << 20)).isEqualTo(Argon2UserCredentials.MEMORY_KIB);
    }

    @Test
    void heapHashesShareAThirdOfTheHeap() {
        assertThat(HashingMemory.sharedBudgetKib(false, 2, 96L << 20)).isEqualTo(32 * 1024);
        assertThat(HashingMemory.sharedBudgetKib(false, 2, 128L << 20)).isEqualTo(43_690);
        assertThat(HashingMemory.sharedBudgetKib(false, 2, 3L << 20)).isEqualTo(8 * 1024);
    }

    @Test
    void theSharedBudgetIsThisProcesss() {
        Runtime runtime = Runtime.getRuntime();
        assertThat(HashingMemory.SHARED.budgetKib())
                .isEqualTo(HashingMemory.sharedBudgetKib(
                        Argon2Engine.isNative(), runtime.availableProcessors(), runtime.maxMemory()));
    }
}
