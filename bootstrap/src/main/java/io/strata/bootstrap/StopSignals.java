package io.strata.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) start {@link StrataServer#close()}, the graceful stop, instead of the JVM's default,
 * which runs every shutdown hook at once and exits with status 143 (130): Strata then drains its requests, closes
 * its pools, stops its PostgreSQL and exits 0. A second signal cuts the wait for requests in flight short (the
 * rest of the stop still runs in order).
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {}

    static void install(StrataServer server) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received.getAndIncrement() == 0) {
                        LOG.info("SIG{} received: stopping", signal.getName());
                        Thread stop = new Thread(server::close, "strata-stop");
                        stop.start();
                    } else {
                        LOG.info(
                                "SIG{} received again: not waiting for requests in flight any longer",
                                signal.getName());
                        server.hurry();
                    }
                });
            } catch (IllegalArgumentException | UnsupportedOperationException unsupported) {
                // no such signal here (the shutdown hook still closes the server)
            }
        }
    }
}
