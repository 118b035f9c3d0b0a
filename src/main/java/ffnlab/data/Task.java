package ffnlab.data;

/** What is learnt: real-valued targets (regression) or one of K classes (classification). */
public enum Task {
    REGRESSION, CLASSIFICATION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
