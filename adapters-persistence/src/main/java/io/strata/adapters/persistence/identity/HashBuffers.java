package io.strata.adapters.persistence.identity;

import com.sun.jna.Native;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Working memory for libargon2's hashes, kept from one hash to the next while log-ins keep coming and given back to
 * the system once they stop.
 *
 * <p>Why: a hash writes every byte of its working memory, and memory fresh from the system costs a page fault per
 * 4 KiB page the first time it is written. On the 2-core machine bench/run uses, a 7 MiB hash in fresh memory took
 * 60 ms of CPU (1,793 page faults), in memory written before 15 ms; side by side, log-ins served 1.67x as many per
 * second at 0.56x the CPU each. Keeping the memory of every
 * request thread that ever hashed is what Strata did first, and a burst of log-ins then held a block per thread (see
 * {@link Argon2Engine}); here at most {@code kept} buffers stay, as many as {@link HashingMemory} lets hash at once,
 * so a burst holds what its hashes hold anyway, and {@code idleNanos} after the last hash that memory is unmapped.
 *
 * <p>libargon2 wipes a hash's memory before it hands it back, so a kept buffer holds nothing of a password.
 */
final class HashBuffers {
    /** How long a kept buffer may stay unused before it is given back to the system. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int kept;
    private final long bytes;
    private final long idleNanos;
    private final LongSupplier clock;
    private final Executor later;
    private final LongAdder mapped = new LongAdder();

    // guarded by this: the kept buffers not in use (most recently used last) and every buffer lent out
    private final ArrayDeque<Buffer> idle = new ArrayDeque<>();
    private final Map<Long, Buffer> lent = new HashMap<>();
    private boolean releaseScheduled;

    /**
     * @param kept the most buffers kept while unused
     * @param bytes the size of a kept buffer: requests up to that size share them, larger ones get memory of their
     *     own, given back when the hash is done
     * @param idleNanos how long an unused buffer is kept
     * @param clock {@link System#nanoTime} but in tests
     * @param later runs the release of idle buffers {@code idleNanos} after it is scheduled (tests run it at once)
     */
    HashBuffers(int kept, long bytes, long idleNanos, LongSupplier clock, Executor later) {
        if (kept < 0 || bytes < 1 || idleNanos < 0) {
            throw new IllegalArgumentException("kept " + kept + ", bytes " + bytes + ", idle " + idleNanos);
        }
        this.kept = kept;
        this.bytes = bytes;
        this.idleNanos = idleNanos;
        this.clock = clock;
        this.later = later;
    }

    /** The buffers of this process: one per core, each the size of a hash with Strata's parameters. */
    static HashBuffers forHashes(int cores, int memoryKib) {
        return new HashBuffers(
                Math.max(1, cores),
                memoryKib * 1024L,
                IDLE_NANOS,
                System::nanoTime,
                CompletableFuture.delayedExecutor(IDLE_NANOS, TimeUnit.NANOSECONDS, Runnable::run));
    }

    /** The address of at least {@code size} bytes of native memory, 0 when the system has none. */
    long take(long size) {
        if (size > bytes) {
            return allocate(size);
        }
        synchronized (this) {
            Buffer buffer = idle.pollLast();
            if (buffer == null) {
                long address = allocate(bytes);
                if (address == 0) {
                    return 0;
                }
                buffer = new Buffer(address);
            }
            lent.put(buffer.address, buffer);
            return buffer.address;
        }
    }

    /** Gives back what {@link #take} returned: kept for the next hash, or to the system. */
    void give(long address) {
        if (address == 0) {
            return;
        }
        boolean schedule = false;
        synchronized (this) {
            Buffer buffer = lent.remove(address);
            if (buffer != null && idle.size() < kept) {
                buffer.lastUsed = clock.getAsLong();
                idle.addLast(buffer);
                schedule = !releaseScheduled;
                releaseScheduled = true;
                address = 0;
            }
        }
        if (address != 0) {
            Native.free(address);
        }
        if (schedule) {
            later.execute(this::releaseIdle);
        }
    }

    /** Frees the kept buffers unused for {@code idleNanos}; comes back later for those that are not yet. */
    void releaseIdle() {
        long now = clock.getAsLong();
        List<Buffer> expired = new ArrayList<>();
        boolean again;
        synchronized (this) {
            // least recently used first: stop at the first one used less than idleNanos ago
            while (!idle.isEmpty() && now - idle.peekFirst().lastUsed >= idleNanos) {
                expired.add(idle.pollFirst());
            }
            again = !idle.isEmpty();
            releaseScheduled = again;
        }
        for (Buffer buffer : expired) {
            Native.free(buffer.address);
        }
        if (again) {
            later.execute(this::releaseIdle);
        }
    }

    /** How many buffers are kept unused right now. */
    synchronized int idleCount() {
        return idle.size();
    }

    /** How many times memory was taken from the system (kept buffers and larger requests alike). */
    long mapped() {
        return mapped.sum();
    }

    private long allocate(long size) {
        long address = Native.malloc(size);
        if (address != 0) {
            mapped.increment();
        }
        return address;
    }

    private static final class Buffer {
        final long address;
        long lastUsed;

        Buffer(long address) {
            this.address = address;
        }
    }
}
