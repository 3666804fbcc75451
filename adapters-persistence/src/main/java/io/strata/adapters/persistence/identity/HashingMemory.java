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
     * Argon2id hashes hold their working memory (7 MiB each with Strata's parameters) for as long as they run.
     * With libargon2 (see {@link Argon2Engine}) it is off the heap and a hash is pure CPU work: as many of Strata's
     * hashes run at once as there are cores, more would only share them (a hash stored with more memory, such as
     * the 9 or 19 MiB of Strata's earlier parameters, takes a bigger share, so the memory stays bounded). With Bouncy
     * Castle it is on the heap, which bootstrap/jvm.options keeps small, so they share a third of it; without a
     * bound, a burst of log-ins would run out of heap. Waiting costs no throughput once the cores are busy.
     */
    static final HashingMemory SHARED = new HashingMemory(sharedBudgetKib(
            Argon2Engine.isNative(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory()));

    /** The budget for a process with these cores and this maximum heap, hashing natively or on the heap. */
    static int sharedBudgetKib(boolean offHeap, int cores, long maxHeapBytes) {
        long kib = offHeap
                ? (long) Math.max(1, cores) * Argon2UserCredentials.MEMORY_KIB
                : Math.max(8L * 1024, maxHeapBytes / 3 / 1024);
        return (int) Math.min(Integer.MAX_VALUE, kib);
    }

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
