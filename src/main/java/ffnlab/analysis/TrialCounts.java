package ffnlab.analysis;

import ffnlab.results.ExperimentDirectory;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How far an experiment folder is, counted against its plan (plan.txt): the planned trials, of them those finished,
 * those diverged and those not finished yet (running, interrupted or not started); and the trial folders that are
 * not in the plan ({@code other}: trials of earlier versions of the experiment file or of other engines, kept for
 * reuse). A folder without plan.txt counts every trial folder as planned.
 */
public record TrialCounts(int planned, int finished, int diverged, int unfinished, int other) {

    /** Counts {@code dir}. */
    public static TrialCounts of(Path dir) {
        List<String> folders = new ExperimentDirectory(dir).trials().stream().map(TrialDirectory::id).toList();
        Set<String> plan = ExperimentResults.plannedTrials(dir);
        Set<String> planned = plan == null ? new HashSet<>(folders) : plan;
        int finished = 0;
        int diverged = 0;
        for (String id : planned) {
            Path summary = dir.resolve("trials").resolve(id).resolve(TrialDirectory.SUMMARY);
            if (Files.isRegularFile(summary)) {
                if (YamlDocument.read(summary).string(TrialSchema.STATUS, TrialSchema.FINISHED).equals(TrialSchema.DIVERGED)) {
                    diverged++;
                } else {
                    finished++;
                }
            }
        }
        int other = (int) folders.stream().filter(id -> !planned.contains(id)).count();
        return new TrialCounts(planned.size(), finished, diverged, planned.size() - finished - diverged, other);
    }

    /** {@code planned 27  finished 26  diverged 1  unfinished 0}, with {@code  other N} when there are other trials. */
    public String line() {
        return String.format("planned %3d  finished %3d  diverged %3d  unfinished %3d%s", planned, finished, diverged, unfinished,
                other == 0 ? "" : "  other " + other);
    }
}
