package ffnlab.results;

import ffnlab.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code results/<experiment>/}: experiment.yaml, plan.txt (the ids of the trials the experiment file
 * expands to now, one per line in sweep order), run.log and one folder per trial under {@code trials/}.
 * Trials of earlier versions of the file stay in {@code trials/} (they are reused if the file goes back) but
 * are not in plan.txt, so reports leave them out.
 */
public final class ExperimentDirectory {
    public static final String EXPERIMENT = "experiment.yaml";
    public static final String RUN_LOG = "run.log";
    public static final String PLAN = "plan.txt";

    private final Path path;

    public ExperimentDirectory(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Path runLog() {
        return path.resolve(RUN_LOG);
    }

    public void writeExperiment(Map<String, ?> experiment, List<String> trialIds) {
        AtomicFile.write(path.resolve(EXPERIMENT), YamlText.write(experiment));
        AtomicFile.write(path.resolve(PLAN), trialIds.stream().map(id -> id + "\n").collect(java.util.stream.Collectors.joining()));
    }

    public TrialDirectory trial(String id) {
        if (!id.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("a trial id is 16 lower-case hex characters, got '" + id + "'");
        }
        return new TrialDirectory(path.resolve("trials").resolve(id), id);
    }

    /**
     * Makes {@code source}, a finished trial of another experiment folder, a trial of this one: its files are hard links
     * to the source's (copies where the file system has none), the summary last, so the trial counts as finished only
     * once it is complete. trial.yaml is not linked but written from {@code trialYaml}, this folder's own description
     * of the trial: the same id is the same training, yet its coordinates are named by this experiment's sweep (a width
     * sweep's {@code model.hidden=32} is a depth sweep's {@code [32]}). The folder stays self-contained: reports link into it and it can be zipped on its own.
     * Files are only ever replaced by rename ({@link AtomicFile}), so retraining here never changes the source.
     *
     * @return false when another process holds this trial's lock (it is running here), so nothing was taken
     */
    public boolean adopt(TrialDirectory source, Map<String, ?> trialYaml) {
        TrialDirectory target = trial(source.id());
        java.util.Optional<TrialDirectory.Lock> lock = target.tryLock();
        if (lock.isEmpty()) {
            return false;
        }
        try (TrialDirectory.Lock held = lock.get(); Stream<Path> files = Files.list(source.path())) {
            target.writeYaml(TrialDirectory.TRIAL, trialYaml);
            List<Path> sorted = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(TrialDirectory.TRIAL))
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString().equals(TrialDirectory.SUMMARY))).toList();
            for (Path file : sorted) {
                Path link = target.path().resolve(file.getFileName());
                Files.deleteIfExists(link);
                try {
                    Files.createLink(link, file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, link);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take trial " + source.id() + " from " + source.path() + " into " + target.path()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Every trial folder present, sorted by id. */
    public List<TrialDirectory> trials() {
        Path trials = path.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(trials)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{16}"))
                    .sorted().map(this::trial).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + trials + ": " + e.getMessage(), e);
        }
    }
}
