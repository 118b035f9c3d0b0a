package ffnlab.analysis;

import ffnlab.data.Task;
import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema.Metric;
import ffnlab.sweep.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Everything {@code results/<experiment>/} holds, read back for analysis: the experiment as run, its finished
 * trials (those with summary.yaml) and the ids of unfinished ones.
 *
 * @param name        the experiment's name (its folder name)
 * @param dir         {@code results/<experiment>}
 * @param experiment  experiment.yaml (an empty document when absent)
 * @param trials      finished trials, ordered by configuration ({@link Configuration#ORDER}) then seed
 * @param unfinished  ids of trial folders without summary.yaml (running or interrupted)
 * @param sweptKeys   the swept keys in sweep order, seed keys excluded
 */
public record ExperimentResults(String name, Path dir, YamlDocument experiment, List<FinishedTrial> trials,
                                List<String> unfinished, List<String> sweptKeys) {
    private static final Logger LOG = LogManager.getLogger();

    /** Reads {@code resultsRoot/experiment}. */
    public static ExperimentResults load(Path resultsRoot, String experiment) {
        return load(resultsRoot.resolve(experiment));
    }

    /** Reads the experiment folder {@code dir} (its name is the experiment's), the trials of its plan.txt. */
    public static ExperimentResults load(Path dir) {
        return load(dir, plannedTrials(dir));
    }

    /**
     * Reads the experiment folder {@code dir}, only the trials of {@code planned} (every trial folder when null).
     */
    public static ExperimentResults load(Path dir, Collection<String> planned) {
        String experiment = dir.getFileName().toString();
        java.util.Set<String> plan = planned == null ? null : java.util.Set.copyOf(planned);
        if (!Files.isDirectory(dir)) {
            throw new ResultsFileException(dir, 0, "expected a results folder for experiment '" + experiment
                    + "' (run the experiment first)");
        }
        Path experimentFile = dir.resolve(ExperimentDirectory.EXPERIMENT);
        YamlDocument spec = Files.exists(experimentFile) ? YamlDocument.read(experimentFile)
                : YamlDocument.parse(experimentFile, "");
        List<FinishedTrial> trials = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        int stale = 0;
        Path trialsDir = dir.resolve("trials");
        if (Files.isDirectory(trialsDir)) {
            try (Stream<Path> list = Files.list(trialsDir)) {
                for (Path trialDir : list.filter(Files::isDirectory).sorted().toList()) {
                    if (plan != null && !plan.contains(trialDir.getFileName().toString())) {
                        stale++;   // a trial of an earlier version of the experiment file
                    } else if (Files.exists(trialDir.resolve(TrialDirectory.SUMMARY))) {
                        trials.add(FinishedTrial.read(trialDir));
                    } else {
                        unfinished.add(trialDir.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new ResultsFileException(trialsDir, 0, "cannot list trial folders (" + e.getMessage() + ")", e);
            }
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        trials.forEach(t -> keys.addAll(t.coordinates().keySet()));
        List<String> swept = List.copyOf(keys);
        trials.sort(Comparator.comparing(FinishedTrial::coordinates, Configuration.ORDER).thenComparingLong(FinishedTrial::seed));
        LOG.info("{}: {} finished trials, {} unfinished{}", experiment, trials.size(), unfinished.size(),
                stale == 0 ? "" : ", " + stale + " of earlier versions of the experiment left out");
        return new ExperimentResults(experiment, dir, spec, List.copyOf(trials), List.copyOf(unfinished), swept);
    }

    /**
     * The trial ids of plan.txt (what the experiment file expands to at its latest run), or null when the
     * folder has none: then every trial folder counts.
     */
    static java.util.Set<String> plannedTrials(Path dir) {
        Path plan = dir.resolve(ExperimentDirectory.PLAN);
        if (!Files.exists(plan)) {
            return null;
        }
        try {
            return new java.util.HashSet<>(Files.readAllLines(plan).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            throw new ResultsFileException(plan, 0, "cannot read the plan (" + e.getMessage() + ")", e);
        }
    }

    /** Classification when any trial measured an accuracy, else regression. */
    public Task task() {
        for (FinishedTrial t : trials) {
            if (Double.isFinite(t.summaryValue(Metric.FINAL_TEST_ACCURACY))
                    || Double.isFinite(t.summaryValue(Metric.FINAL_TRAIN_ACCURACY))) {
                return Task.CLASSIFICATION;
            }
        }
        return Task.REGRESSION;
    }

    /** experiment.yaml's {@code report:} section (see the results layout), empty when absent. */
    public Map<String, Object> report() {
        return experiment.mapping("report");
    }

    /** The key for "error vs swept value" plots: {@code report.x}, else the first swept key, else null. */
    public String xKey() {
        Object x = experiment.get("report.x");
        if (x != null && sweptKeys.contains(String.valueOf(x))) {
            return String.valueOf(x);
        }
        return sweptKeys.isEmpty() ? null : sweptKeys.getFirst();
    }
}
