package ffnlab.run.slurm;

import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses the array-task lines of {@code squeue -h -r --states=all -o '%i|%T|%r'} and of
 * {@code sacct -n -P -X -o JobID,State,ExitCode}: one {@code JOBID_TASKS|STATE|DETAIL} per line, where
 * {@code TASKS} is one index ({@code 123_4}) or a pending range ({@code 123_[2-5,7%2]}, {@code 123_[1-9:2]}).
 * Lines of other jobs (and job steps such as {@code 123_4.batch}) are ignored; a later line for the same task
 * replaces an earlier one.
 */
public final class SchedulerOutput {
    private SchedulerOutput() {
    }

    /**
     * @param jobId  the array job's id (what {@code sbatch --parsable} printed)
     * @param source the command that printed {@code output}, for error messages
     * @return the tasks in index order
     * @throws SlurmException naming the source and line when a line is not {@code ID|STATE|DETAIL}
     */
    public static List<ArrayTaskState> parse(String jobId, String source, String output) {
        Map<Integer, ArrayTaskState> tasks = new TreeMap<>();
        String prefix = jobId + "_";
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\|", -1);
            if (fields.length < 2) {
                throw new SlurmException(source + " output line " + (i + 1) + ": expected JOBID_TASK|STATE|DETAIL, got '" + line + "'");
            }
            String id = fields[0].strip();
            if (!id.startsWith(prefix) || id.contains(".")) {
                continue;
            }
            SlurmState state = SlurmState.parse(fields[1]);
            String detail = fields.length > 2 ? fields[2].strip() : "";
            try {
                for (int task : indices(id.substring(prefix.length()))) {
                    tasks.put(task, new ArrayTaskState(task, state, detail));
                }
            } catch (IllegalArgumentException e) {
                throw new SlurmException(source + " output line " + (i + 1) + ": expected an array task index or range after '"
                        + prefix + "', got '" + id + "'");
            }
        }
        return List.copyOf(tasks.values());
    }

    /** The indices of {@code 4}, {@code [2-5]}, {@code [2-5,7%2]}, {@code [1-9:2]}. */
    static List<Integer> indices(String spec) {
        String s = spec.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int throttle = s.indexOf('%');
        if (throttle >= 0) {
            s = s.substring(0, throttle);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String range = part.strip();
            int step = 1;
            int colon = range.indexOf(':');
            if (colon >= 0) {
                step = Integer.parseInt(range.substring(colon + 1));
                range = range.substring(0, colon);
            }
            int dash = range.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
            if (from < 0 || to < from || step < 1) {
                throw new IllegalArgumentException(spec);
            }
            for (int t = from; t <= to; t += step) {
                out.add(t);
            }
        }
        return out;
    }
}
