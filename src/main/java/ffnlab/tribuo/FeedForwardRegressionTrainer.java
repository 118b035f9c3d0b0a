package ffnlab.tribuo;

import ffnlab.backend.Backend;
import ffnlab.nn.Activation;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingResult;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

/**
 * The feed-forward network as a Tribuo {@code Trainer<Regressor>}: linear or sigmoid output, squared error.
 * Output k is the regression dimension with the k-th name in Tribuo's order; a training example must give a
 * value for every dimension.
 */
public final class FeedForwardRegressionTrainer extends FeedForwardTrainer<Regressor> {

    /** For OLCUT. */
    private FeedForwardRegressionTrainer() {
        super(Activation.LINEAR);
    }

    public FeedForwardRegressionTrainer(FeedForwardSettings settings, Backend backend) {
        super(settings, backend);
    }

    @Override
    public void postConfig() {
        String mismatch = TrainingConfig.outputMismatch(false, settings().outputActivation());
        if (mismatch != null) {
            throw new IllegalArgumentException("a regression network " + mismatch);
        }
    }

    @Override
    protected double[] targets(Example<Regressor> example, DenseDataset.Domain<Regressor> domain) {
        Regressor r = example.getOutput();
        double[] d = new double[domain.size()];
        for (int k = 0; k < d.length; k++) {
            String name = domain.names()[k];
            d[k] = r.getDimension(name).map(Regressor.DimensionTuple::getValue).orElseThrow(() ->
                    new IllegalArgumentException("a training example has no value for output dimension '" + name + "'"));
        }
        return d;
    }

    @Override
    protected Model<Regressor> model(ModelProvenance provenance, Dataset<Regressor> dataset, TrainingResult result, DenseDataset dense) {
        return new FeedForwardRegressionModel("feed-forward-regression", provenance, dataset.getFeatureIDMap(),
                dataset.getOutputIDInfo(), result.parameters(), dense.domain().names());
    }
}
