package ffnlab.report;

import ffnlab.analysis.ResultsFileException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes reports from results/ without training. {@link #run} ({@code -Dreport-only=true}, {@code report NAME})
 * rebuilds: with an experiment name that report, with none every experiment's, and the index either way.
 * {@link #refresh} (after a run) rebuilds only the pages whose inputs changed ({@link ReportBuilder#fresh}), so a
 * run that trained nothing rewrites nothing; it prints the same lines either way.
 */
public final class ReportCommand {
    private ReportCommand() {
    }

    /**
     * Rebuilds and prints the path of each report.
     *
     * @throws ResultsFileException naming the file and line when a results file cannot be read
     */
    public static void run(String experiment, Path resultsRoot, Path reportsRoot, PrintStream out) {
        write(experiment, resultsRoot, reportsRoot, out, true);
    }

    /** As {@link #run}, but a page whose inputs have not changed since it was built is kept as it is. */
    public static void refresh(String experiment, Path resultsRoot, Path reportsRoot, PrintStream out) {
        write(experiment, resultsRoot, reportsRoot, out, false);
    }

    private static void write(String experiment, Path resultsRoot, Path reportsRoot, PrintStream out, boolean always) {
        Map<String, String> fingerprints = new HashMap<>();
        UnaryOperator<String> results = name -> fingerprints.computeIfAbsent(name, n -> ReportInputs.of(resultsRoot.resolve(n)));
        List<String> names = experiment == null || experiment.isBlank() ? ReportBuilder.experiments(resultsRoot) : List.of(experiment);
        for (String name : names) {
            String inputs = results.apply(name);
            Path page = always || !ReportBuilder.fresh(resultsRoot, reportsRoot, name, inputs)
                    ? ReportBuilder.build(resultsRoot, reportsRoot, name, inputs) : ReportBuilder.page(reportsRoot, name);
            out.println("report: " + page);
        }
        Path index = always || !ReportBuilder.indexFresh(resultsRoot, reportsRoot, results)
                ? ReportBuilder.buildIndex(resultsRoot, reportsRoot, results) : reportsRoot.resolve("index.html");
        out.println("index:  " + index);
    }
}
