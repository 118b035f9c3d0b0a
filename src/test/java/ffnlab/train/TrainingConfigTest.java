package ffnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ffnlab.backend.ReferenceBackend;
import ffnlab.data.ToyMapping;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Initialiser;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import ffnlab.nn.optim.Optimiser;
import ffnlab.spec.ConfigKeys;
import ffnlab.tribuo.FeedForwardRegressionTrainer;
import ffnlab.tribuo.FeedForwardSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one mapping from initialiser and optimiser names to objects, shared by experiment files and the Tribuo trainer. */
class TrainingConfigTest {
    @Test
    void everyNameGivesItsObject() {
        assertEquals(new Initialiser.PyTorchDefault(), TrainingConfig.initialiser("pytorch", -1, 1));
        assertEquals(new Initialiser.Xavier(), TrainingConfig.initialiser("xavier", -1, 1));
        assertEquals(new Initialiser.He(), TrainingConfig.initialiser("he", -1, 1));
        assertEquals(new Initialiser.Uniform(-0.2, 0.4), TrainingConfig.initialiser("uniform", -0.2, 0.4));
        Initialiser.Explicit chapter = (Initialiser.Explicit) TrainingConfig.initialiser("chapter", -1, 1);
        assertEquals(ToyMapping.W0[1][2], chapter.weights().getFirst()[1][2]);
        assertEquals(new Optimiser.Sgd(0.1), TrainingConfig.optimiser("sgd", 0.1, 0.9, 0.8, 0.99, 1e-6));
        assertEquals(new Optimiser.Momentum(0.1, 0.5), TrainingConfig.optimiser("momentum", 0.1, 0.5, 0.8, 0.99, 1e-6));
        assertEquals(new Optimiser.Adam(0.1, 0.8, 0.99, 1e-6), TrainingConfig.optimiser("adam", 0.1, 0.5, 0.8, 0.99, 1e-6));
        for (String name : TrainingConfig.INITIALISERS.subList(0, 4)) {
            assertEquals(name, TrainingConfig.initialiser(name, -1, 1).key(), "chapter is explicit weights");
        }
        for (String name : TrainingConfig.OPTIMISERS) {
            assertEquals(name, TrainingConfig.optimiser(name, 0.1, 0.5, 0.9, 0.999, 1e-8).key());
        }
    }

    @Test
    void theExperimentFileOffersExactlyTheseNames() {
        assertEquals(TrainingConfig.INITIALISERS, ConfigKeys.get("training.initialiser").choices());
        assertEquals(TrainingConfig.OPTIMISERS, ConfigKeys.get("training.optimiser").choices());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertEquals("unknown initialiser 'glorot'; expected one of pytorch, xavier, he, uniform, chapter",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.initialiser("glorot", -1, 1)).getMessage());
        assertEquals("unknown optimiser 'rmsprop'; expected one of sgd, momentum, adam",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.optimiser("rmsprop", 0.1, 0.9, 0.9, 0.999, 1e-8)).getMessage());
    }

    @Test
    void theTribuoTrainerBuildsItsObjectsThroughTheSameMapping() {
        FeedForwardSettings given = new FeedForwardSettings(List.of(4), Activation.TANH, Activation.LINEAR, new Initialiser.Uniform(-0.1, 0.2),
                Reduction.MEAN, new Optimiser.Adam(0.01, 0.8, 0.95, 1e-7), 8, 3, 5L, 1);
        FeedForwardSettings rebuilt = new FeedForwardRegressionTrainer(given, new ReferenceBackend()).settings();
        assertEquals(given, rebuilt, "names and numbers in the trainer's @Config fields, objects again through TrainingConfig");
        assertThrows(IllegalArgumentException.class, () -> new FeedForwardSettings(List.of(3), Activation.TANH, Activation.LINEAR,
                TrainingConfig.initialiser("chapter", 0, 0), Reduction.SUM, new Optimiser.Sgd(0.1), 1, 1, 1L, 1), "chapter fixes the widths");
    }

    @Test
    void theOutputMustFitTheTask() {
        assertEquals(null, TrainingConfig.outputMismatch(true, Activation.SOFTMAX));
        assertEquals(null, TrainingConfig.outputMismatch(false, Activation.SIGMOID));
        assertEquals("needs a softmax output, got linear", TrainingConfig.outputMismatch(true, Activation.LINEAR));
        assertEquals("needs a linear or sigmoid output, got softmax", TrainingConfig.outputMismatch(false, Activation.SOFTMAX));
        assertEquals("a classification network needs a softmax output, got linear", assertThrows(IllegalArgumentException.class,
                () -> new ffnlab.tribuo.FeedForwardClassificationTrainer(new FeedForwardSettings(List.of(3), Activation.RELU, Activation.LINEAR,
                        new Initialiser.Xavier(), Reduction.MEAN, new Optimiser.Sgd(0.1), 1, 1, 1L, 1), new ReferenceBackend())).getMessage());
    }

    @Test
    void theLossMustFitTheOutput() {
        Architecture softmax = Architecture.of(Activation.RELU, Activation.SOFTMAX, 2, 3, 2);
        assertEquals("squared_error cannot be used with a softmax output", assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(softmax, new Initialiser.Xavier(), Loss.SQUARED_ERROR, Reduction.MEAN, new Optimiser.Sgd(0.1), 1, 1, 1, 0))
                .getMessage());
    }
}
