package ffnlab.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Collects problems so validation can report all of them at once, with "did you mean" suggestions. */
public final class Diagnostics {
    private final List<Problem> problems = new ArrayList<>();

    public void add(Mark mark, String path, String message) {
        problems.add(new Problem(mark, path, message));
    }

    public void addAll(Collection<Problem> more) {
        problems.addAll(more);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link SpecException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }

    /** "unknown key 'lr_rate'; did you mean 'lr'?" or the list of known keys when nothing is close. */
    public static String unknown(String what, String given, Collection<String> known) {
        String best = closest(given, known);
        if (best != null) {
            return "unknown " + what + " '" + given + "'; did you mean '" + best + "'?";
        }
        return "unknown " + what + " '" + given + "'; expected one of " + String.join(", ", known);
    }

    /** The known word within edit distance max(2, |given| / 3) of {@code given}, or null. */
    public static String closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(g, k.toLowerCase(Locale.ROOT));
            String tail = k.contains(".") ? k.substring(k.lastIndexOf('.') + 1) : k;
            if (!tail.equals(k)) {
                d = Math.min(d, distance(g, tail.toLowerCase(Locale.ROOT)) + 1);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, given.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
