package ffnlab.report;

import ffnlab.analysis.FinishedTrial;
import ffnlab.analysis.YamlDocument;
import java.util.List;
import java.util.Optional;

/**
 * How busy the machine was while an experiment's trials were timed, from the load averages each trial's provenance
 * records at its start and end (both include the trial's own threads). A machine counts as busy during a trial when
 * either reading exceeds {@link #busyAbove} of its cores: more runnable threads than a trial's own, so other
 * processes shared the cores and the trial's times are not its code's alone.
 *
 * @param highest the highest load average recorded
 * @param cores   the cores of the machine that recorded it
 * @param busy    how many trials saw a load above {@link #busyAbove}
 * @param trials  how many trials recorded a load average
 */
record MachineLoad(double highest, int cores, int busy, int trials) {

    /** The load above which a machine of {@code cores} counts as busy: 1.5 per core plus one. */
    static double busyAbove(int cores) {
        return 1.5 * cores + 1;
    }

    /** The load over {@code trials}; empty when none recorded one. */
    static Optional<MachineLoad> of(List<FinishedTrial> trials) {
        double highest = Double.NaN;
        int cores = 0;
        int busy = 0;
        int recorded = 0;
        for (FinishedTrial t : trials) {
            YamlDocument p = t.provenance();
            double start = YamlDocument.asNumber(p.get("load_average.start"));
            double end = YamlDocument.asNumber(p.get("load_average.end"));
            double c = YamlDocument.asNumber(p.get("cores"));
            double most = Math.max(Double.isFinite(start) ? start : Double.NEGATIVE_INFINITY, Double.isFinite(end) ? end : Double.NEGATIVE_INFINITY);
            if (!Double.isFinite(most) || !Double.isFinite(c) || c < 1) {
                continue;
            }
            recorded++;
            cores = Math.max(cores, (int) c);
            highest = Double.isNaN(highest) ? most : Math.max(highest, most);
            if (most > busyAbove((int) c)) {
                busy++;
            }
        }
        return recorded == 0 ? Optional.empty() : Optional.of(new MachineLoad(highest, cores, busy, recorded));
    }

    /** One sentence for the report: a warning when some trials ran on a busy machine, else the load it ran at. */
    String sentence() {
        String reached = "the load average reached " + Html.number(highest) + " on " + cores + " cores";
        if (busy > 0) {
            return "Busy machine: " + reached + " while these trials ran (" + busy + " of " + trials + " trials above "
                    + Html.number(busyAbove(cores)) + ", their own threads included); other processes shared the cores, so "
                    + "these times, and the shape of their curves, are not this code's alone: rerun on idle cores to measure them.";
        }
        return "Machine load: " + reached + " at most while these trials ran, their own threads included (busy above "
                + Html.number(busyAbove(cores)) + "): the times are this code's on these cores.";
    }
}
