package ffnlab.tribuo;

import ffnlab.nn.Parameters;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

/** A feed-forward regression network as a Tribuo model: output k is the dimension named {@code dimensions[k]}. */
public final class FeedForwardRegressionModel extends FeedForwardModel<Regressor> {
    private static final long serialVersionUID = 1L;
    private final String[] dimensions;

    FeedForwardRegressionModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                               ImmutableOutputInfo<Regressor> outputs, Parameters parameters, String[] dimensions) {
        super(name, provenance, features, outputs, false, parameters);
        this.dimensions = dimensions.clone();
    }

    @Override
    protected Prediction<Regressor> prediction(float[] y, int activeFeatures, Example<Regressor> example) {
        double[] values = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            values[k] = y[k];
        }
        return new Prediction<>(new Regressor(dimensions, values), activeFeatures, example);
    }

    @Override
    public FeedForwardRegressionModel withParameters(Parameters parameters) {
        requireArchitecture(parameters);
        return new FeedForwardRegressionModel(name, provenance, featureIDMap, outputIDInfo, parameters, dimensions);
    }

    @Override
    protected Model<Regressor> copy(String newName, ModelProvenance newProvenance) {
        return new FeedForwardRegressionModel(newName, newProvenance, featureIDMap, outputIDInfo, parameters(), dimensions);
    }
}
