package ffnlab.spec;

import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import ffnlab.train.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * The checks that involve more than one key, and the resolution of "auto": ranges, the output activation
 * and loss the task needs, the chapter's initial weights only for Example 2's network, early stopping only
 * with a validation split. Mutates the value map it is given (before it becomes a {@link TrialConfig}).
 */
final class Combinations {
    private final Map<String, Object> v;
    private final Map<String, Mark> marks;
    private final Diagnostics d;

    Combinations(Map<String, Object> values, Map<String, Mark> marks, Diagnostics diagnostics) {
        this.v = values;
        this.marks = marks;
        this.d = diagnostics;
    }

    void check() {
        String source = (String) v.get("dataset.source");
        if (source == null) {
            d.add(marks.get("dataset.source"), "dataset.source",
                    "missing; expected one of " + String.join(", ", ConfigKeys.get("dataset.source").choices()));
            return;
        }
        if (source.equals("csv") && v.get("dataset.csv_file") == null) {
            d.add(marks.get("dataset.csv_file"), "dataset.csv_file", "source csv needs csv_file");
        }
        String task = switch (source) {
            case "fashion-mnist" -> "classification";
            case "california-housing", "toy-mapping" -> "regression";
            default -> v.get("dataset.task") == null ? "regression" : (String) v.get("dataset.task");
        };
        if (v.get("dataset.task") != null && !task.equals(v.get("dataset.task"))) {
            d.add(marks.get("dataset.task"), "dataset.task", source + " is a " + task + " task");
        }
        v.put("dataset.task", task);
        String kind = (String) v.get("model.kind");
        if (kind.equals("linear") && task.equals("classification") || kind.equals("logistic") && task.equals("regression")) {
            d.add(marks.get("model.kind"), "model.kind", "the " + kind + " baseline does not fit a " + task + " task; use "
                    + (task.equals("classification") ? "logistic" : "linear"));
        }
        range("dataset.test_fraction", 0, 0.95, false);
        range("dataset.validation_fraction", 0, 0.9, false);
        between("dataset.train_limit", 0, Limits.MAX_ROWS);
        between("dataset.test_limit", 0, Limits.MAX_ROWS);
        @SuppressWarnings("unchecked")
        List<Long> hidden = (List<Long>) v.get("model.hidden");
        if (hidden.size() > Limits.MAX_HIDDEN_LAYERS) {
            d.add(marks.get("model.hidden"), "model.hidden", "at most " + Limits.MAX_HIDDEN_LAYERS + " hidden layers, got " + hidden.size());
        } else if (hidden.stream().anyMatch(w -> w < 1 || w > Limits.MAX_WIDTH)) {
            d.add(marks.get("model.hidden"), "model.hidden", "hidden widths must be between 1 and " + Limits.MAX_WIDTH + ", got " + hidden);
        }
        String output = (String) v.get("model.output");
        if (output.equals("auto")) {
            output = task.equals("classification") ? "softmax" : "linear";
            v.put("model.output", output);
        } else {
            String mismatch = TrainingConfig.outputMismatch(task.equals("classification"), Activation.parse(output));
            if (mismatch != null) {
                d.add(marks.get("model.output"), "model.output", "a " + task + " task " + mismatch);
            }
        }
        String loss = (String) v.get("training.loss");
        String natural = Loss.naturalFor(Activation.parse(output)).key();
        if (loss.equals("auto")) {
            v.put("training.loss", natural);
        } else if (!Loss.parse(loss).accepts(Activation.parse(output))) {
            d.add(marks.get("training.loss"), "training.loss", loss + " cannot be used with a " + output + " output; use " + natural);
        }
        range("training.lr", 0, 1e6, true);
        range("training.momentum", 0, 0.999999, false);
        range("training.init_range", 0, 1e6, true);
        between("training.batch_size", 0, Limits.MAX_BATCH_SIZE);
        between("training.epochs", 1, Limits.MAX_EPOCHS);
        between("training.early_stopping", 0, Limits.MAX_EPOCHS);
        between("training.checkpoint_every", 0, Limits.MAX_EPOCHS);
        between("training.eval_every", 0, Integer.MAX_VALUE);
        between("backend.threads", 0, Limits.MAX_THREADS);
        between("backend.gpu_trials", 1, Limits.MAX_THREADS);
        if ((Long) v.get("training.early_stopping") > 0 && (Double) v.get("dataset.validation_fraction") <= 0) {
            d.add(marks.get("training.early_stopping"), "training.early_stopping", "early stopping needs dataset.validation_fraction > 0");
        }
        if ("chapter".equals(v.get("training.initialiser")) && !(source.equals("toy-mapping") && hidden.equals(List.of(3L)))) {
            d.add(marks.get("training.initialiser"), "training.initialiser",
                    "the chapter's initial weights exist only for Example 2 (dataset toy-mapping, model.hidden [3])");
        }
    }

    private void range(String key, double low, double high, boolean exclusiveLow) {
        double x = (Double) v.get(key);
        if (x < low || x > high || exclusiveLow && x == low) {
            d.add(marks.get(key), key, "must be in " + (exclusiveLow ? "(" : "[") + low + ", " + high + "], got " + x);
        }
    }

    private void between(String key, long min, long max) {
        long x = (Long) v.get(key);
        if (x < min || x > max) {
            d.add(marks.get(key), key, "must be between " + min + " and " + max + ", got " + x);
        }
    }
}
