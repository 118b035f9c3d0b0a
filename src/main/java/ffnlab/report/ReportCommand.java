package ffnlab.report;

import ffnlab.analysis.ResultsFileException;
import java.io.PrintStream;
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
     * Prints the path of each report it writes.
     *
     * @throws ResultsFileException naming the file and line when a results file cannot be read
     */
    public static void run(String experiment, Path resultsRoot, Path reportsRoot, PrintStream out) {
        List<String> names = experiment == null || experiment.isBlank() ? ReportBuilder.experiments(resultsRoot) : List.of(experiment);
        for (String name : names) {
            out.println("report: " + ReportBuilder.build(resultsRoot, reportsRoot, name));
        }
        out.println("index:  " + ReportBuilder.buildIndex(resultsRoot, reportsRoot));
    }
}
