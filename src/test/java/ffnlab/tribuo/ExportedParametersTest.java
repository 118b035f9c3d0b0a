package ffnlab.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.backend.ReferenceBackend;
import ffnlab.data.PreparedData;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import ffnlab.nn.ParametersFile;
import ffnlab.results.ParametersCsv;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Trained parameters written as parameters.csv and as parameters.bin, read back and put into the Tribuo model:
 * its predictions equal the trained model's, every output value bitwise.
 */
class ExportedParametersTest {

    @Test
    void aClassifierReadBackFromEitherFormatPredictsWhatTheTrainedOneDoes() {
        PreparedData data = FeedForwardTrainerTest.classificationData(120, 5);
        var trained = (FeedForwardClassificationModel) new FeedForwardClassificationTrainer(FeedForwardTrainerTest.CLASSIFICATION,
                new ReferenceBackend()).train(TribuoData.classificationTrain(data));
        Parameters p = trained.parameters();
        Parameters fromBinary = ParametersFile.read("parameters.bin", ParametersFile.write(p));
        Parameters fromCsv = ParametersCsv.read(List.of(ParametersCsv.write(p).split("\n")), p.architecture());
        MutableDataset<Label> test = TribuoData.classificationTest(data);
        for (Parameters read : List.of(fromBinary, fromCsv)) {
            assertTrue(p.bitwiseEquals(read), "the parameters read back");
            FeedForwardClassificationModel loaded = trained.withParameters(read);
            for (Example<Label> e : test) {
                Prediction<Label> x = trained.predict(e);
                Prediction<Label> y = loaded.predict(e);
                assertEquals(x.getOutput().getLabel(), y.getOutput().getLabel());
                for (var score : x.getOutputScores().entrySet()) {
                    assertEquals(Double.doubleToRawLongBits(score.getValue().getScore()),
                            Double.doubleToRawLongBits(y.getOutputScores().get(score.getKey()).getScore()), score.getKey());
                }
            }
        }
    }

    @Test
    void aRegressionModelReadBackFromTheBinaryFormatPredictsWhatTheTrainedOneDoes() {
        PreparedData data = FeedForwardTrainerTest.regressionData(80, 3);
        var trained = (FeedForwardRegressionModel) new FeedForwardRegressionTrainer(FeedForwardTrainerTest.REGRESSION,
                new ReferenceBackend()).train(TribuoData.regressionTrain(data));
        FeedForwardRegressionModel loaded = trained.withParameters(
                ParametersFile.read("parameters.bin", ParametersFile.write(trained.parameters())));
        for (Example<Regressor> e : TribuoData.regressionTest(data)) {
            double[] x = trained.predict(e).getOutput().getValues();
            double[] y = loaded.predict(e).getOutput().getValues();
            assertEquals(x.length, y.length);
            for (int k = 0; k < x.length; k++) {
                assertEquals(Double.doubleToRawLongBits(x[k]), Double.doubleToRawLongBits(y[k]));
            }
        }
        Parameters other = new Parameters(Architecture.of(Activation.TANH, Activation.LINEAR, 3, 7, 1));
        assertThrows(IllegalArgumentException.class, () -> trained.withParameters(other));
    }
}
