package ffnlab.tribuo;

import ffnlab.nn.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * A softmax network as a Tribuo classifier: output k is the class with Tribuo id k; the prediction is the
 * arg-max class, and every class's softmax probability is its score.
 */
public final class FeedForwardClassificationModel extends FeedForwardModel<Label> {
    private static final long serialVersionUID = 1L;

    FeedForwardClassificationModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                                   ImmutableOutputInfo<Label> outputs, Parameters parameters) {
        super(name, provenance, features, outputs, true, parameters);
    }

    @Override
    protected Prediction<Label> prediction(float[] y, int activeFeatures, Example<Label> example) {
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = 0;
        for (int k = 0; k < y.length; k++) {
            String name = outputIDInfo.getOutput(k).getLabel();
            scores.put(name, new Label(name, y[k]));
            if (y[k] > y[best]) {
                best = k;
            }
        }
        Label top = new Label(outputIDInfo.getOutput(best).getLabel(), y[best]);
        return new Prediction<>(top, scores, activeFeatures, example, true);
    }

    @Override
    public FeedForwardClassificationModel withParameters(Parameters parameters) {
        requireArchitecture(parameters);
        return new FeedForwardClassificationModel(name, provenance, featureIDMap, outputIDInfo, parameters);
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new FeedForwardClassificationModel(newName, newProvenance, featureIDMap, outputIDInfo, parameters());
    }
}
