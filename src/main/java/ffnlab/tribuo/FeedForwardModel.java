package ffnlab.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import ffnlab.backend.ReferenceBackend;
import ffnlab.nn.Activation;
import ffnlab.nn.Architecture;
import ffnlab.nn.Parameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;

/**
 * A trained feed-forward network as a Tribuo {@link Model}. Prediction maps the example's features through the
 * model's feature map into x (1 x n; unknown features are ignored, absent ones are 0) and runs the chapter's
 * forward pass U^l = H^{l-1} W^l + b^l, H^l = f^l(U^l) with the reference backend's operations.
 *
 * @param <T> Regressor or Label
 */
public abstract class FeedForwardModel<T extends Output<T>> extends Model<T> {
    private static final long serialVersionUID = 1L;

    private final int[] widths;
    private final Activation hidden;
    private final Activation output;
    private final float[][] weights;
    private final float[][] biases;

    protected FeedForwardModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                               ImmutableOutputInfo<T> outputs, boolean probabilities, Parameters parameters) {
        super(name, provenance, features, outputs, probabilities);
        Architecture a = parameters.architecture();
        this.widths = a.widths();
        this.hidden = a.hidden();
        this.output = a.output();
        this.weights = new float[a.depth()][];
        this.biases = new float[a.depth()][];
        for (int l = 1; l <= a.depth(); l++) {
            weights[l - 1] = parameters.weights(l).clone();
            biases[l - 1] = parameters.biases(l).clone();
        }
    }

    /**
     * This model (its feature map, outputs and provenance) with other parameters of the same architecture: the
     * parameters of a trial read back from its parameters.csv ({@code ffnlab.results.ParametersCsv}) or parameters.bin
     * ({@link ffnlab.nn.ParametersFile}), to predict with Tribuo.
     *
     * @throws IllegalArgumentException when {@code parameters} is for another architecture
     */
    public abstract FeedForwardModel<T> withParameters(Parameters parameters);

    /** Requires that {@code parameters} has this model's architecture. */
    protected final void requireArchitecture(Parameters parameters) {
        Architecture a = new Architecture(widths, hidden, output);
        if (!parameters.architecture().equals(a)) {
            throw new IllegalArgumentException("parameters for " + parameters.architecture() + ", the model is " + a);
        }
    }

    /** A copy of the trained W^l and b^l. */
    public Parameters parameters() {
        Architecture a = new Architecture(widths, hidden, output);
        Parameters p = new Parameters(a);
        for (int l = 1; l <= a.depth(); l++) {
            System.arraycopy(weights[l - 1], 0, p.weights(l), 0, weights[l - 1].length);
            System.arraycopy(biases[l - 1], 0, p.biases(l), 0, biases[l - 1].length);
        }
        return p;
    }

    /**
     * Y = f^L(... f^1(x W^1 + b^1) ...) for one pattern.
     *
     * @param x 1 x n
     * @return y, 1 x K
     */
    protected float[] forward(float[] x) {
        ReferenceBackend ops = new ReferenceBackend();
        float[] h = x;
        for (int l = 1; l < widths.length; l++) {
            float[] u = new float[widths[l]];
            float[] next = new float[widths[l]];
            ops.gemm(false, false, 1, widths[l], widths[l - 1], 1f, h, weights[l - 1], 0f, u);
            ops.biasActivation(l == widths.length - 1 ? output : hidden, u, biases[l - 1], next, 1, widths[l]);
            h = next;
        }
        return h;
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        float[] x = new float[featureIDMap.size()];
        int found = DenseDataset.denseRow(example, featureIDMap, x);
        if (found == 0) {
            throw new IllegalArgumentException("no features of this model found in the example: " + example);
        }
        return prediction(forward(x), found, example);
    }

    /** The Tribuo prediction for the network's output y. */
    protected abstract Prediction<T> prediction(float[] y, int activeFeatures, Example<T> example);

    /**
     * A network has no single weight per feature; as a coarse ranking this gives sum_j |W^1_ij|, the total
     * first-layer weight leaving input i, for all outputs together ({@link Model#ALL_OUTPUTS}).
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        int inputs = widths[0];
        int units = widths[1];
        List<Pair<String, Double>> ranked = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            double sum = 0;
            for (int j = 0; j < units; j++) {
                sum += Math.abs(weights[0][i * units + j]);
            }
            ranked.add(new Pair<>(featureIDMap.get(i).getName(), sum));
        }
        ranked.sort(Comparator.comparing((Pair<String, Double> p) -> p.getB()).reversed());
        return Map.of(ALL_OUTPUTS, n < 0 || n >= ranked.size() ? ranked : ranked.subList(0, n));
    }

    /** Networks give no per-example explanation; Tribuo's contract for such models is an empty Optional. */
    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }
}
