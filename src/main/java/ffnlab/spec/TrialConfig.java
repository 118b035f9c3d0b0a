package ffnlab.spec;

import ffnlab.data.Task;
import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import ffnlab.nn.Reduction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trial's fully resolved configuration: every key of {@link ConfigKeys} with its value (defaults filled
 * in, "auto" output and loss resolved), typed. Built only by {@link ConfigBinder}, so it is always valid.
 *
 * @param values dotted key to value: Long, Double, Boolean, String, List&lt;Long&gt; or List&lt;String&gt;
 */
public record TrialConfig(Map<String, Object> values) {
    public TrialConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** The nested form (sections, then keys in sorted order) written to trial.yaml and hashed into the id. */
    public Map<String, Object> nested() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String section : ConfigKeys.sections()) {
            Map<String, Object> s = new TreeMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(section + ".")) {
                    s.put(k.substring(section.length() + 1), v);
                }
            });
            out.put(section, s);
        }
        return out;
    }

    public String source() {
        return (String) values.get("dataset.source");
    }

    public Task task() {
        return "classification".equals(values.get("dataset.task")) ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    public int integer(String key) {
        return Math.toIntExact((Long) values.get(key));
    }

    public double number(String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    public String text(String key) {
        return (String) values.get(key);
    }

    /** Hidden widths n_1 .. n_{L-1}. */
    public int[] hidden() {
        @SuppressWarnings("unchecked")
        List<Long> h = (List<Long>) values.get("model.hidden");
        return h.stream().mapToInt(Math::toIntExact).toArray();
    }

    /** Layer widths [n, n_1, ..., K] for a dataset with the given input and output widths. */
    public int[] widths(int inputs, int outputs) {
        int[] hidden = hidden();
        int[] w = new int[hidden.length + 2];
        w[0] = inputs;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = outputs;
        return w;
    }

    public Activation activation() {
        return Activation.parse(text("model.activation"));
    }

    public Activation output() {
        return Activation.parse(text("model.output"));
    }

    public Loss loss() {
        return Loss.parse(text("training.loss"));
    }

    public Reduction reduction() {
        return Reduction.parse(text("training.reduction"));
    }

    public int batchSize() {
        return integer("training.batch_size");
    }

    public int epochs() {
        return integer("training.epochs");
    }

    public double learningRate() {
        return number("training.lr");
    }

    public String backend() {
        return text("backend.kind");
    }

    public int threads() {
        return integer("backend.threads");
    }
}
