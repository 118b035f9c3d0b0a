package ffnlab.cli;

import ffnlab.backend.ReferenceBackend;
import ffnlab.data.ToyMapping;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Loss;
import ffnlab.nn.Matrices;
import ffnlab.nn.Parameters;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingLoop;
import ffnlab.train.TrainingResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Entry point for {@code mvn exec:java -Dexp=NAME}. Until the experiment framework lands, only
 * {@code toy-mapping} (the chapter's Example 2) is known.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String exp = System.getProperty("exp", args.length > 0 ? args[0] : "");
        int status = run(exp, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String exp, PrintStream out, PrintStream err) {
        if (!"toy-mapping".equals(exp)) {
            err.println("ffnlab: unknown experiment '" + exp + "'; known: toy-mapping (run: mvn -q exec:java -Dexp=toy-mapping)");
            return 2;
        }
        int epochs = Integer.getInteger("epochs", 1000);
        TrainingConfig config = new TrainingConfig(Architecture.of(Activation.SIGMOID, Activation.LINEAR, 2, 3, 2),
                ToyMapping.initialiser(), Loss.SQUARED_ERROR, Reduction.SUM, new Optimiser.Sgd(ToyMapping.LEARNING_RATE),
                0, epochs, 1L, 0);
        TrainingResult result = new TrainingLoop(config, new ReferenceBackend(), 1).run(ToyMapping.examples(), null, null);
        Parameters p = result.parameters();
        out.printf(Locale.ROOT, "Example 2 (toy mapping): [2, 3, 2] sigmoid/linear, GD, alpha 0.05, %d epochs%n", epochs);
        out.printf(Locale.ROOT, "m.s.e.  measured %.4f   chapter 0.107 (after 1000 epochs)%n", result.last().trainMse());
        out.println("W  measured " + Matrices.format(p.weights(1), 2, 3) + "   chapter [[-2.04, -0.52, -1.88], [3.55, -2.60, 2.43]]");
        out.println("b  measured " + Matrices.format(p.biases(1), 1, 3) + "   chapter [[0.22, -0.93, 0.15]]");
        out.println("V  measured " + Matrices.format(p.weights(2), 3, 2) + "   chapter [[2.14, -1.14], [-2.93, -1.78], [3.59, 2.28]] (last row's sign is a typo)");
        out.println("c  measured " + Matrices.format(p.biases(2), 1, 2) + "   chapter [[1.25, -0.43]]");
        return 0;
    }
}
