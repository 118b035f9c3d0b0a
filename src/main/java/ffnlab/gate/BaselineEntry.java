package ffnlab.gate;

/**
 * What a trusted run measured for one configuration and metric: the line of
 * {@code experiments/baselines/<experiment>.csv}.
 */
public record BaselineEntry(String configuration, String metric, Direction direction, int n, double mean, double std,
                            String metricsSha256) {

    public static BaselineEntry of(Outcome o) {
        return new BaselineEntry(o.configuration(), o.metric(), Direction.of(o.metric()), o.n(), o.mean(), o.std(), o.metricsSha256());
    }
}
