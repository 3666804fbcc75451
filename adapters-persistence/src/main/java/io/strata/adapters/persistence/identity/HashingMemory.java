package io.strata.adapters.persistence.identity;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A budget of working memory, in KiB, shared by the hashes in progress: a hash takes its share before it starts and
 * gives it back when done, and waits (in arrival order) while the others hold the rest. One that asks for more than
 * the whole budget takes all of it, so it runs alone instead of never.
 */
final class HashingMemory {
    /**
     * Argon2id hashes hold their working memory (19 MiB each with Strata's parameters) for as long as they run: off
     * the heap with libargon2, on the heap with Bouncy Castle (see {@link Argon2Engine}), which bootstrap/jvm.options
     * keeps small. Without a bound, a burst of log-ins would run out of either. They share a third of the maximum
     * heap (two hashes at 128 MB). Hashing is CPU-bound, so waiting costs no throughput once the cores are busy.
     */
    static final HashingMemory SHARED = new HashingMemory((int)
            Math.max(8L * 1024, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 3 / 1024)));

    private final int budgetKib;
    private final Semaphore free;
    private final AtomicInteger inUseKib = new AtomicInteger();
    private final AtomicInteger peakKib = new AtomicInteger();

    HashingMemory(int budgetKib) {
        if (budgetKib < 1) {
            throw new IllegalArgumentException("budget must be at least 1 KiB, not " + budgetKib);
        }
        this.budgetKib = budgetKib;
        this.free = new Semaphore(budgetKib, true);
    }

    /** Runs {@code hash} once {@code kib} of the budget (at most all of it) is free, holding that much meanwhile. */
    <T> T use(int kib, Supplier<T> hash) {
        int share = Math.max(1, Math.min(kib, budgetKib));
        free.acquireUninterruptibly(share);
        peakKib.accumulateAndGet(inUseKib.addAndGet(share), Math::max);
        try {
            return hash.get();
        } finally {
            inUseKib.addAndGet(-share);
            free.release(share);
        }
    }

    int budgetKib() {
        return budgetKib;
    }

    /** The most the hashes have held at once. */
    int peakKib() {
        return peakKib.get();
    }
}
