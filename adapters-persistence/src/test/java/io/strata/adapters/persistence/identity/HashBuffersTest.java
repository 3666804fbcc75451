package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The buffers libargon2 hashes in, with real native memory: kept while hashes come, bounded, given back when idle. */
class HashBuffersTest {
    private static final long BYTES = 64 * 1024;
    private static final long IDLE = 5_000;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Queue<Runnable> scheduled = new ArrayDeque<>();

    private HashBuffers buffers(int kept) {
        return new HashBuffers(kept, BYTES, IDLE, now::get, scheduled::add);
    }

    @Test
    void theNextHashWritesInTheMemoryOfThePreviousOne() {
        HashBuffers buffers = buffers(2);
        long first = buffers.take(BYTES);
        new Pointer(first).setMemory(0, BYTES, (byte) 7);
        buffers.give(first);
        assertThat(buffers.take(BYTES)).isEqualTo(first);
        assertThat(buffers.take(BYTES / 2))
                .as("a smaller request fits a kept buffer")
                .isNotEqualTo(first);
        assertThat(buffers.mapped()).isEqualTo(2);
    }

    @Test
    void keepsNoMoreBuffersThanItWasToldAndFreesTheRest() {
        HashBuffers buffers = buffers(2);
        long a = buffers.take(BYTES);
        long b = buffers.take(BYTES);
        long c = buffers.take(BYTES);
        assertThat(Set.of(a, b, c)).hasSize(3);
        buffers.give(a);
        buffers.give(b);
        buffers.give(c);
        assertThat(buffers.idleCount()).isEqualTo(2);
        buffers.take(BYTES);
        buffers.take(BYTES);
        assertThat(buffers.mapped()).as("the two kept ones were lent again").isEqualTo(3);
    }

    @Test
    void aRequestLargerThanABufferGetsMemoryOfItsOwnThatIsNotKept() {
        HashBuffers buffers = buffers(2);
        long large = buffers.take(BYTES * 3);
        new Pointer(large).setMemory(0, BYTES * 3, (byte) 1);
        buffers.give(large);
        assertThat(buffers.idleCount()).isZero();
        buffers.take(BYTES * 3);
        assertThat(buffers.mapped()).isEqualTo(2);
    }

    @Test
    void memoryTheSystemCannotGiveIsZeroForLibargon2ToReportAndNothingIsKept() {
        HashBuffers buffers = buffers(2);
        assertThat(buffers.take(Long.MAX_VALUE)).isZero();
        buffers.give(0);
        assertThat(buffers.mapped()).isZero();
        assertThat(buffers.idleCount()).isZero();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void anUnusedBufferIsGivenBackAfterTheIdleTimeAndOnlyThen() {
        HashBuffers buffers = buffers(2);
        long address = buffers.take(BYTES);
        buffers.give(address);
        assertThat(scheduled).as("one release scheduled").hasSize(1);
        buffers.give(buffers.take(BYTES));
        assertThat(scheduled).as("not one per hash").hasSize(1);

        now.addAndGet(IDLE - 1);
        scheduled.poll().run();
        assertThat(buffers.idleCount()).as("used less than the idle time ago").isEqualTo(1);
        assertThat(scheduled).as("looked at again later").hasSize(1);

        now.addAndGet(1);
        scheduled.poll().run();
        assertThat(buffers.idleCount()).isZero();
        assertThat(scheduled).as("nothing left to release").isEmpty();

        buffers.give(buffers.take(BYTES));
        assertThat(buffers.mapped()).as("the next hash maps memory again").isEqualTo(2);
        assertThat(scheduled).as("and schedules its release").hasSize(1);
    }

    @Test
    void onlyTheBuffersIdleLongEnoughAreGivenBack() {
        HashBuffers buffers = buffers(2);
        long a = buffers.take(BYTES);
        long b = buffers.take(BYTES);
        buffers.give(a);
        now.addAndGet(IDLE / 2);
        buffers.give(b);
        now.addAndGet(IDLE / 2);
        scheduled.poll().run();
        assertThat(buffers.idleCount()).isEqualTo(1);
        assertThat(buffers.take(BYTES)).as("the one used last is kept").isEqualTo(b);
    }

    @Test
    void concurrentHashesNeverShareABuffer() throws Exception {
        HashBuffers buffers = buffers(2);
        Set<Long> inUse = ConcurrentHashMap.newKeySet();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte mark = (byte) t;
                results.add(pool.submit(() -> {
                    start.await();
                    int clashes = 0;
                    for (int i = 0; i < 200; i++) {
                        long address = buffers.take(BYTES);
                        if (!inUse.add(address)) {
                            clashes++;
                        }
                        Pointer memory = new Pointer(address);
                        memory.setMemory(0, BYTES, mark);
                        if (memory.getByte(BYTES - 1) != mark || memory.getByte(0) != mark) {
                            clashes++;
                        }
                        inUse.remove(address);
                        buffers.give(address);
                    }
                    return clashes;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(buffers.idleCount()).isLessThanOrEqualTo(2);
        assertThat(buffers.mapped()).as("most hashes reused a buffer").isLessThan(8 * 200 / 2);
    }
}
