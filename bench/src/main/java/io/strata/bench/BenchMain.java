package io.strata.bench;

/** Entry point of strata-bench.jar: {@code run} (the whole benchmark) or {@code baseline} (the raw JDBC server). */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> System.exit(BenchRun.main(rest));
            case "baseline" -> io.strata.bench.baseline.BaselineServer.main(rest);
            case "events" -> io.strata.bench.events.EventDeliveryBench.main(rest);
            default -> {
                System.err.println("usage: strata-bench.jar run|baseline");
                System.exit(2);
            }
        }
    }
}
