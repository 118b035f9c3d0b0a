package ffnlab.cli;

import ffnlab.spec.Diagnostics;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code -D} system properties ffnlab reads, and the check that refuses a misspelt one: a property under
 * {@code ffnlab.} (or a folder property's prefix) that ffnlab does not know, or a name without dots one letter
 * in four away from a known one ({@code -Dvalidat=true}), would otherwise be ignored and the experiment would
 * run. Other names belong to the JVM, Maven or plug-ins and are left alone. Flags are strict: {@code true},
 * {@code false}, or empty (the flag given without a value) mean what they say; anything else is an error.
 */
final class SystemProperties {
    /** Every property ffnlab reads, besides {@code slurm.*} (checked by the SLURM options). */
    static final List<String> KNOWN = List.of("exp", "set", "fresh", "profile", "threads", "check", "validate", "report-only",
            "executor", "wait", "variant", "experiments.dir", "results.dir", "reports.dir", "data.dir", "reuse", "ffnlab.download",
            "ffnlab.gpu.cache", "ffnlab.gpu.graphs", "ffnlab.backend.auto", "ffnlab.main");
    private static final List<String> OWN_PREFIXES = List.of("ffnlab.", "exp.", "experiments.", "results.", "reports.", "data.");
    private static final Set<String> FLAGS = Set.of("fresh", "validate", "report-only");

    private SystemProperties() {
    }

    /** Throws the one-line error for the first misspelt property among {@code names}, in sorted order. */
    static void checkNames(java.util.Collection<String> names) {
        for (String name : names.stream().sorted().toList()) {
            if (KNOWN.contains(name) || name.startsWith("slurm.")) {
                continue;
            }
            boolean own = OWN_PREFIXES.stream().anyMatch(name::startsWith);
            String hint = Diagnostics.closest(name, KNOWN);
            boolean near = hint != null && Diagnostics.distance(name, hint) <= Math.max(1, name.length() / 4);
            if (own || !name.contains(".") && near) {
                throw new IllegalArgumentException("unknown property -D" + name + (hint != null ? "; did you mean -D" + hint + "?"
                        : "; ffnlab reads -D" + String.join(", -D", KNOWN)));
            }
        }
    }

    /** A flag's value: absent is false; empty or true is true; false is false; anything else is an error. */
    static boolean flag(String name, String value) {
        if (!FLAGS.contains(name)) {
            throw new IllegalArgumentException("not a flag: " + name);
        }
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + name + ": expected true or false, got '" + value + "'");
        };
    }
}
