package ffnlab.tribuo;

import ffnlab.data.Examples;
import ffnlab.data.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.BiFunction;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.classification.Label;

/**
 * A Tribuo dataset as dense ffnlab {@link Examples}: input j of pattern p is the value of the feature whose id in
 * Tribuo's {@link ImmutableFeatureMap} is j (absent features are 0), so columns are matched by name, never by
 * position. Invalid examples are rejected with the example's index: a NaN or infinite feature value, a
 * regression output without a value for every dimension, or a label outside the dataset's domain.
 *
 * @param examples X (P x n) with D (P x K) or labels
 * @param domain   the output domain: K names in id order
 * @param sha256   SHA-256 over the feature names in id order, X's float bits and D's bits or the labels
 */
record DenseDataset(Examples examples, Domain<?> domain, String sha256) {

    /**
     * The output domain.
     *
     * @param info  Tribuo's immutable output info
     * @param names K names in output order: regression dimension names, or class names by Tribuo id
     */
    record Domain<T extends Output<T>>(ImmutableOutputInfo<T> info, String[] names) {
        int size() {
            return names.length;
        }
    }

    static <T extends Output<T>> DenseDataset of(Dataset<T> data, BiFunction<Example<T>, Domain<T>, double[]> targets) {
        ImmutableFeatureMap features = data.getFeatureIDMap();
        ImmutableOutputInfo<T> info = data.getOutputIDInfo();
        int n = features.size();
        int rows = data.size();
        boolean classification = data.getExample(0).getOutput() instanceof Label;
        String[] names = new String[info.size()];
        if (classification) {
            for (int k = 0; k < names.length; k++) {
                names[k] = ((Label) info.getOutput(k)).getLabel();
            }
        } else {
            names = org.tribuo.regression.Regressor.extractNames(castRegression(info));
        }
        Domain<T> domain = new Domain<>(info, names);
        int outputs = names.length;
        float[] x = new float[Math.multiplyExact(rows, n)];
        float[] d = classification ? null : new float[rows * outputs];
        int[] labels = classification ? new int[rows] : null;
        int p = 0;
        for (Example<T> example : data) {
            for (Feature f : example) {
                int j = features.getID(f.getName());
                if (j < 0) {
                    continue;
                }
                double v = f.getValue();
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("example " + p + ": feature '" + f.getName() + "' is " + v + "; expected a finite value");
                }
                x[p * n + j] = (float) v;
            }
            if (classification) {
                int id = info.getID(example.getOutput());
                if (id < 0) {
                    throw new IllegalArgumentException("example " + p + ": label '" + example.getOutput() + "' is not in the dataset's domain");
                }
                labels[p] = id;
            } else {
                double[] values = targets.apply(example, domain);
                for (int k = 0; k < outputs; k++) {
                    if (!Double.isFinite(values[k])) {
                        throw new IllegalArgumentException("example " + p + ": output '" + names[k] + "' is " + values[k] + "; expected a finite value");
                    }
                    d[p * outputs + k] = (float) values[k];
                }
            }
            p++;
        }
        if (outputs < (classification ? 2 : 1)) {
            throw new IllegalArgumentException("expected at least " + (classification ? "2 classes" : "1 output dimension") + ", the dataset has " + outputs);
        }
        Examples examples = classification ? Examples.classification(rows, n, x, outputs, labels)
                : Examples.regression(rows, n, x, outputs, d);
        return new DenseDataset(examples, domain, hash(features, examples));
    }

    @SuppressWarnings("unchecked")
    private static ImmutableOutputInfo<org.tribuo.regression.Regressor> castRegression(ImmutableOutputInfo<?> info) {
        return (ImmutableOutputInfo<org.tribuo.regression.Regressor>) info;
    }

    /** x as a dense row of n values through the feature map (absent = 0); the number of known features found. */
    static int denseRow(Example<?> example, ImmutableFeatureMap features, float[] row) {
        java.util.Arrays.fill(row, 0f);
        int found = 0;
        for (Feature f : example) {
            int j = features.getID(f.getName());
            if (j >= 0) {
                row[j] = (float) f.getValue();
                found++;
            }
        }
        return found;
    }

    private static String hash(ImmutableFeatureMap features, Examples e) {
        MessageDigest md = Sha256.digest();
        for (int j = 0; j < features.size(); j++) {
            md.update(features.get(j).getName().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        ByteBuffer buf = ByteBuffer.allocate(4096);
        float[][] arrays = e.isClassification() ? new float[][] {e.x()} : new float[][] {e.x(), e.targets()};
        for (float[] a : arrays) {
            for (float v : a) {
                if (buf.remaining() < 4) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putInt(Float.floatToRawIntBits(v));
            }
        }
        if (e.isClassification()) {
            for (int l : e.labels()) {
                if (buf.remaining() < 4) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putInt(l);
            }
        }
        md.update(buf.array(), 0, buf.position());
        return Sha256.hex(md.digest());
    }
}
