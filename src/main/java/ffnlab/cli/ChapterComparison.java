package ffnlab.cli;

import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.YamlDocument;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Matrices;
import ffnlab.nn.Parameters;
import ffnlab.results.ParametersCsv;
import ffnlab.results.TrialDirectory;
import ffnlab.results.TrialSchema.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints Example 2's measured m.s.e. and weights beside the chapter's (after 1000 epochs), from the
 * toy-mapping experiment's finished trial with {@code training.epochs = 1000}.
 */
final class ChapterComparison {
    private ChapterComparison() {
    }

    static void print(List<FinishedTrial> trials, PrintStream out) {
        Optional<FinishedTrial> trial = trials.stream()
                .filter(t -> YamlDocument.asNumber(t.config("training.epochs")) == 1000 && "chapter".equals(t.config("training.initialiser")))
                .findFirst();
        if (trial.isEmpty()) {
            out.println("Example 2: no finished 1000-epoch trial with the chapter's initial weights to compare");
            return;
        }
        FinishedTrial t = trial.get();
        Parameters p;
        try {
            p = ParametersCsv.read(Files.readAllLines(t.dir().resolve(TrialDirectory.PARAMETERS)),
                    Architecture.of(Activation.SIGMOID, Activation.LINEAR, 2, 3, 2));
        } catch (IOException | RuntimeException e) {
            out.println("Example 2: cannot read the trial's parameters.csv: " + e.getMessage());
            return;
        }
        out.printf(Locale.ROOT, "Example 2 (toy mapping): [2, 3, 2] sigmoid/linear, GD, alpha 0.05, 1000 epochs (trial %s)%n",
                t.id());
        out.printf(Locale.ROOT, "m.s.e.  measured %.4f   chapter 0.107 (after 1000 epochs)%n", t.summaryValue(Metric.FINAL_TRAIN_MSE));
        out.println("W  measured " + Matrices.format(p.weights(1), 2, 3) + "   chapter [[-2.04, -0.52, -1.88], [3.55, -2.60, 2.43]]");
        out.println("b  measured " + Matrices.format(p.biases(1), 1, 3) + "   chapter [[0.22, -0.93, 0.15]]");
        out.println("V  measured " + Matrices.format(p.weights(2), 3, 2) + "   chapter [[2.14, -1.14], [-2.93, -1.78], [3.59, 2.28]] (last row's sign is a typo)");
        out.println("c  measured " + Matrices.format(p.biases(2), 1, 2) + "   chapter [[1.25, -0.43]]");
    }
}
