package ffnlab.tribuo;

import ffnlab.backend.Backend;
import ffnlab.nn.Activation;
import ffnlab.train.TrainingConfig;
import ffnlab.train.TrainingResult;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * The feed-forward network as a Tribuo {@code Trainer<Label>}: softmax output, cross-entropy, one output per
 * class in Tribuo's id order.
 */
public final class FeedForwardClassificationTrainer extends FeedForwardTrainer<Label> {

    /** For OLCUT. */
    private FeedForwardClassificationTrainer() {
        super(Activation.SOFTMAX);
    }

    public FeedForwardClassificationTrainer(FeedForwardSettings settings, Backend backend) {
        super(settings, backend);
    }

    @Override
    public void postConfig() {
        String mismatch = TrainingConfig.outputMismatch(true, settings().outputActivation());
        if (mismatch != null) {
            throw new IllegalArgumentException("a classification network " + mismatch);
        }
    }

    @Override
    protected double[] targets(Example<Label> example, DenseDataset.Domain<Label> domain) {
        return null;
    }

    @Override
    protected Model<Label> model(ModelProvenance provenance, Dataset<Label> dataset, TrainingResult result, DenseDataset dense) {
        return new FeedForwardClassificationModel("feed-forward-classification", provenance, dataset.getFeatureIDMap(),
                dataset.getOutputIDInfo(), result.parameters());
    }
}
