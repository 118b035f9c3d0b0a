package ffnlab.report;

import ffnlab.analysis.ResultsFileException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code -Dreport-only=true}: rebuilds reports from results/ without training. With an experiment name it rebuilds
 * that report, with none every experiment's; the index is rebuilt either way.
 */
public final class ReportCommand {
    private ReportCommand() {
    }

    /**
     * @return the exit status: 0, or 2 after printing the one-line error
     */
    public static int run(String experiment, Path resultsRoot, Path reportsRoot, PrintStream out, PrintStream err) {
        try {
            List<String> names = experiment == null || experiment.isBlank() ? ReportBuilder.experiments(resultsRoot)
                    : List.of(experiment);
            for (String name : names) {
                out.println("report: " + ReportBuilder.build(resultsRoot, reportsRoot, name));
            }
            out.println("index:  " + ReportBuilder.buildIndex(resultsRoot, reportsRoot));
            return 0;
        } catch (ResultsFileException | UncheckedIOException e) {
            err.println("ffnlab: " + e.getMessage());
            return 2;
        }
    }
}
