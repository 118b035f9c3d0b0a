package ffnlab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.analysis.YamlDocument;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import ffnlab.search.SearchTable;
import ffnlab.sweep.TrialSpec;
import ffnlab.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search run twice, and a search interrupted at several points and resumed, gives the same trials and numbers bitwise:
 * the same search.csv (configurations, rounds, values, outcomes, trial ids) and, per trial, the same parameters hash and
 * test m.s.e. An interruption is a progress that fails the run's k-th trial as it ends (the search then stops after that
 * round, as after a kill), plus a finished trial whose summary.yaml is deleted (a trial killed before its end).
 */
class SearchRunTest {
    private static final String BASE = """
            dataset: {source: toy-mapping, input_scaling: none}
            model: {hidden: [3], activation: sigmoid}
            training: {lr: 0.5, batch_size: 2, epochs: 40, reduction: sum, initialiser: uniform, init_range: 1.0}
            """;
    static final String HALVING = BASE + """
            seeds: [1, 2]
            sweep:
              halving: {metric: final_train_mse, budget_key: training.epochs, rungs: [3, 9, 27], keep: 1/3}
              grid:
                model.hidden: [1, 2, 3, 4, 5, 6]
                training.lr: [0.05, 0.5]
            """;
    static final String HYPERBAND = BASE + """
            seeds: [1, 2]
            sweep:
              halving: {metric: final_train_mse, budget_key: training.epochs, rungs: [3, 9, 27], keep: 1/3, brackets: 3, seed: 5}
              grid:
                model.hidden: [1, 2, 3, 4, 5, 6]
                training.lr: [0.05, 0.5]
            """;
    static final String TPE = BASE + """
            seeds: [1]
            sweep:
              tpe:
                metric: final_train_mse
                trials: 10
                startup: 4
                batch: 3
                seed: 7
                params:
                  training.lr: {log_uniform: [0.01, 2.0]}
                  model.hidden: {int_uniform: [1, 8]}
            """;

    @TempDir
    Path dir;

    /** Runs {@code name}; the progress fails the trial that ends {@code failAt}-th (never when 0). */
    private RunReport run(String name, String yaml, Path results, int threads, int failAt) throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(experiments.resolve(name + ".yaml"), yaml);
        RunOptions options = new RunOptions(experiments, results, null, Map.of(), false, threads, RunOptions.Reuse.SAME_ENGINE, null);
        ExperimentRun run = new ExperimentRun(options, new DataSources());
        AtomicInteger ended = new AtomicInteger();
        Progress progress = new Progress() {
            @Override
            public void started(String experiment, int toRun, int finished) {
            }

            @Override
            public void trialStarted(TrialSpec trial) {
            }

            @Override
            public void epoch(TrialSpec trial, EpochRecord record) {
            }

            @Override
            public void trialEnded(TrialOutcome outcome) {
                if (ended.incrementAndGet() == failAt) {
                    throw new IllegalStateException("interrupted on purpose");
                }
            }

            @Override
            public void close() {
            }
        };
        return run.run(run.plan(name), null, progress);
    }

    /** search.csv, and per trial of it its parameters hash and test m.s.e. */
    private static Map<String, String> numbers(Path experimentDir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("search.csv", Files.readString(experimentDir.resolve(SearchTable.FILE)));
        for (SearchTable.Row row : SearchTable.read(experimentDir)) {
            for (String id : row.trials()) {
                YamlDocument s = YamlDocument.read(experimentDir.resolve("trials").resolve(id).resolve(TrialDirectory.SUMMARY));
                out.put(id, s.string(TrialSchema.PARAMETERS_SHA256, "?") + " " + s.optionalNumber("final_train_mse"));
            }
        }
        return out;
    }

    private void runTwiceAndInterrupted(String name, String yaml) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        run(name, yaml, a, 2, 0);
        Map<String, String> expected = numbers(a.resolve(name));
        run(name, yaml, b, 1, 0);
        assertEquals(expected, numbers(b.resolve(name)), "the same search run twice, on 2 threads and on 1");

        Path c = dir.resolve("c");
        int stops = 0;
        for (int failAt : new int[] {2, 1, 2, 1}) {
            RunReport r = run(name, yaml, c, 2, failAt);
            stops += r.count(TrialOutcome.Status.FAILED) > 0 ? 1 : 0;
            List<Path> finished;
            try (var trials = Files.list(c.resolve(name).resolve("trials"))) {
                finished = trials.filter(t -> Files.exists(t.resolve(TrialDirectory.SUMMARY))).sorted().toList();
            }
            Files.delete(finished.getLast().resolve(TrialDirectory.SUMMARY));   // a trial killed before its end
        }
        assertTrue(stops >= 3, "the interruptions stopped the search " + stops + " times");
        run(name, yaml, c, 2, 0);
        assertEquals(expected, numbers(c.resolve(name)), "the search interrupted four times and resumed");
    }

    @Test
    void halvingRunTwiceOrInterruptedGivesTheSameTrialsAndNumbers() throws IOException {
        runTwiceAndInterrupted("halving", HALVING);
        List<SearchTable.Row> rows = SearchTable.read(dir.resolve("a").resolve("halving"));
        // 12 configurations at 3 epochs, the best 4 at 9, the best one at 27
        assertEquals(12 + 4 + 1, rows.size());
        assertEquals(List.of(12L, 4L, 1L), List.of(rows.stream().filter(r -> r.round() == 0).count(),
                rows.stream().filter(r -> r.round() == 1).count(), rows.stream().filter(r -> r.round() == 2).count()));
        assertEquals(4, rows.stream().filter(r -> r.round() == 0 && r.outcome() == SearchTable.Outcome.PROMOTED).count());
        assertEquals(SearchTable.Outcome.BEST, rows.getLast().outcome());
        assertTrue(rows.getLast().configuration().contains("training.epochs=27"), rows.getLast().configuration());
        // the promoted are the best four of rung 0 by value
        List<Double> rung0 = rows.stream().filter(r -> r.round() == 0).map(SearchTable.Row::value).sorted().toList();
        for (SearchTable.Row r : rows.subList(0, 12)) {
            assertEquals(r.value() <= rung0.get(3), r.outcome() == SearchTable.Outcome.PROMOTED, r.toString());
        }
        assertEquals(2 * (12 * 3 + 4 * 9 + 27), rows.stream().mapToLong(SearchTable.Row::epochs).sum());
    }

    @Test
    void hyperbandRunTwiceOrInterruptedGivesTheSameTrialsAndNumbers() throws IOException {
        runTwiceAndInterrupted("hyperband", HYPERBAND);
        List<SearchTable.Row> rows = SearchTable.read(dir.resolve("a").resolve("hyperband"));
        // Li et al.'s bracket sizes for 12 configurations, 3 rungs, eta = 3: ceil(12 x 3 / (3 - b) / 3^b) = 12, 6, 4;
        // each rung keeps floor(n / 3), at least one
        Map<String, Long> sizes = new TreeMap<>();
        rows.forEach(r -> sizes.merge(r.bracket() + "/" + r.rung(), 1L, Long::sum));
        assertEquals(Map.of("0/0", 12L, "0/1", 4L, "0/2", 1L, "1/1", 6L, "1/2", 2L, "2/2", 4L), sizes);
        // the rounds run bracket after bracket, rung after rung
        List<String> rounds = new java.util.ArrayList<>();
        for (int round = 0; round < 6; round++) {
            int rr = round;
            SearchTable.Row first = rows.stream().filter(x -> x.round() == rr).findFirst().orElseThrow();
            rounds.add(first.bracket() + "/" + first.rung());
        }
        assertEquals(List.of("0/0", "0/1", "0/2", "1/1", "1/2", "2/2"), rounds);
        for (SearchTable.Row r : rows) {
            assertTrue(r.configuration().contains("training.epochs=" + List.of(3, 9, 27).get(r.rung())), r.toString());
        }
        // each rung's promotions, derived here from the values in search.csv: the best floor(n / 3) by value, ties by
        // the smallest trial id; the bracket's next rung holds exactly those configurations
        for (int round = 0; round < 5; round++) {
            int rr = round;
            List<SearchTable.Row> rung = rows.stream().filter(r -> r.round() == rr).toList();
            List<SearchTable.Row> next = rows.stream().filter(r -> r.round() == rr + 1).toList();
            if (rung.getFirst().rung() == 2) {
                continue;
            }
            List<SearchTable.Row> ranked = rung.stream().sorted(java.util.Comparator.comparingDouble((SearchTable.Row r) ->
                    Double.isNaN(r.value()) ? Double.POSITIVE_INFINITY : r.value()).thenComparing(r -> r.trials().getFirst())).toList();
            List<String> promoted = ranked.subList(0, Math.max(1, rung.size() / 3)).stream().map(r -> withoutEpochs(r.configuration())).sorted().toList();
            assertEquals(promoted, rung.stream().filter(r -> r.outcome() == SearchTable.Outcome.PROMOTED).map(r -> withoutEpochs(r.configuration())).sorted().toList());
            assertEquals(promoted, next.stream().map(r -> withoutEpochs(r.configuration())).sorted().toList());
        }
        // the best: the lowest value at the last rung, in one row; a trial two brackets share counts its epochs once
        List<SearchTable.Row> best = rows.stream().filter(r -> r.outcome() == SearchTable.Outcome.BEST).toList();
        assertEquals(1, best.size());
        assertEquals(rows.stream().filter(r -> r.rung() == 2).mapToDouble(SearchTable.Row::value).filter(v -> !Double.isNaN(v)).min().orElseThrow(), best.getFirst().value());
        Map<String, Long> epochsOf = new TreeMap<>();
        for (SearchTable.Row r : rows) {
            r.trials().forEach(id -> epochsOf.put(id, (long) List.of(3, 9, 27).get(r.rung())));
        }
        assertEquals(epochsOf.values().stream().mapToLong(Long::longValue).sum(), rows.stream().mapToLong(SearchTable.Row::epochs).sum());
    }

    private static String withoutEpochs(String label) {
        return label.replaceAll(",? ?training\\.epochs=\\d+", "");
    }

    @Test
    void tpeRunTwiceOrInterruptedGivesTheSameTrialsAndNumbers() throws IOException {
        runTwiceAndInterrupted("tpe", TPE);
        List<SearchTable.Row> rows = SearchTable.read(dir.resolve("a").resolve("tpe"));
        assertEquals(10, rows.size());
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 3), rows.stream().map(SearchTable.Row::round).toList());
        assertEquals(1, rows.stream().filter(r -> r.outcome() == SearchTable.Outcome.BEST).count());
        double best = rows.stream().mapToDouble(SearchTable.Row::value).filter(v -> !Double.isNaN(v)).min().orElseThrow();
        assertEquals(best, rows.stream().filter(r -> r.outcome() == SearchTable.Outcome.BEST).findFirst().orElseThrow().value());
    }
}
