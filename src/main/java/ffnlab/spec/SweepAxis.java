package ffnlab.spec;

import java.util.List;
import java.util.Map;

/**
 * One axis of a sweep. A sweep is the Cartesian product of its axes in the order written (the first axis
 * varies slowest); each axis contributes points, a point being a set of dotted-key overrides.
 */
public sealed interface SweepAxis {

    /** {@code grid: {key: [v1, v2, ...]}}: one axis per key. */
    record Grid(String key, List<Node> values) implements SweepAxis {
        public Grid {
            values = List.copyOf(values);
        }
    }

    /** {@code zip: {k1: [...], k2: [...]}}: the i-th values of every key move together. */
    record Zip(List<String> keys, List<List<Node>> values) implements SweepAxis {
        public Zip {
            keys = List.copyOf(keys);
            values = values.stream().map(List::copyOf).toList();
        }

        public int size() {
            return values.getFirst().size();
        }
    }

    /** {@code list: [{k: v, ...}, ...]}: explicit points. */
    record Explicit(List<Map<String, Node>> points) implements SweepAxis {
        public Explicit {
            points = points.stream().map(p -> Map.copyOf(new java.util.LinkedHashMap<>(p))).toList();
        }
    }

    /** {@code random: {count, seed, params}}: {@code count} points drawn from per-key distributions. */
    record RandomSample(int count, long seed, List<Distribution> params) implements SweepAxis {
        public RandomSample {
            params = List.copyOf(params);
        }
    }

    /** How a random axis draws one key. */
    sealed interface Distribution {
        String key();

        /** x ~ U(low, high). */
        record Uniform(String key, double low, double high) implements Distribution {
        }

        /** log x ~ U(log low, log high). */
        record LogUniform(String key, double low, double high) implements Distribution {
        }

        /** an integer uniformly in [low, high]. */
        record IntUniform(String key, long low, long high) implements Distribution {
        }

        /** one of the given values, each equally likely. */
        record Choice(String key, List<Node> values) implements Distribution {
            public Choice {
                values = List.copyOf(values);
            }
        }
    }
}
