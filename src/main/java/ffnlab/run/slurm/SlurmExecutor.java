package ffnlab.run.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs a sweep's pending trials as ONE SLURM array job: skips finished trials (their {@code summary.yaml}
 * exists) and trials that a task of an earlier array of this experiment is still pending or running on (so two
 * tasks never write one trial), writes one job script, submits {@code sbatch --parsable --array=0-(n-1)%k},
 * records the job id beside the script, and, when asked to wait, follows the array to its end.
 *
 * <p>A failed or cancelled task leaves its trial unfinished; the next submission runs exactly what is missing.
 * A waiting submitter also follows the earlier arrays that hold some of its trials.
 */
public final class SlurmExecutor {
    private static final Logger LOG = LogManager.getLogger();

    private final SlurmClient client;
    private final JobScriptWriter writer;

    public SlurmExecutor(SlurmClient client) {
        this(client, new JobScriptWriter());
    }

    public SlurmExecutor(SlurmClient client, JobScriptWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    /**
     * Submits what is missing of {@code request}; with {@code options.follow()}, returns when the new array, and
     * any earlier array still holding some of the request's trials, has ended.
     *
     * @throws SlurmException when sbatch refuses or a SLURM command cannot be run
     */
    public ArrayJobOutcome execute(ArrayJobRequest request, SlurmOptions options, ArrayJobListener listener)
            throws IOException, InterruptedException {
        List<String> finished = request.trialIds().stream().filter(request::finished).toList();
        Map<String, Holder> queued = queuedTrials(request);
        List<String> pending = request.trialIds().stream().filter(id -> !request.finished(id) && !queued.containsKey(id)).toList();
        queued.forEach((trial, holder) -> LOG.info("trial {} is already {}; not submitted again", trial, holder));
        List<String> alreadyQueued = request.trialIds().stream().filter(queued::containsKey).toList();
        ArrayJobFollower follower = new ArrayJobFollower(client, options.pollInterval());
        List<TaskReport> done = new ArrayList<>();
        List<TaskReport> failed = new ArrayList<>();
        Optional<String> jobId = Optional.empty();
        Submission submission = null;
        if (pending.isEmpty()) {
            LOG.info("{}: nothing to submit ({} trials finished, {} queued in earlier arrays)", request.experiment(),
                    finished.size(), alreadyQueued.size());
        } else {
            ArrayJobRequest rest = request.withTrials(pending);
            submission = writer.write(rest, options);
            String array = options.arraySpec(pending.size());
            try {
                jobId = Optional.of(client.submit(submission.script(), array));
            } catch (SlurmException e) {
                discard(submission);   // nothing was queued: leave no submission folder behind
                throw e;
            }
            Path tmp = Files.createTempFile(submission.folder(), ".job-id", ".tmp");
            Files.writeString(tmp, jobId.get() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, submission.jobIdFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("{}: submitted job {}: {} trials as --array={} ({} finished trials skipped); script {}, logs {}",
                    request.experiment(), jobId.get(), pending.size(), array, finished.size(), submission.script(), submission.logs());
            listener.submitted(jobId.get(), submission);
            if (options.follow()) {
                ArrayJobFollower.Reports reports = follower.follow(jobId.get(), submission, rest, listener);
                LOG.info("{}: job {} ended: {} trials finished, {} tasks failed", request.experiment(), jobId.get(),
                        reports.finished().size(), reports.failed().size());
                done.addAll(reports.finished());
                failed.addAll(reports.failed());
            }
        }
        if (options.follow()) {
            Map<String, Submission> earlier = new LinkedHashMap<>();
            queued.values().forEach(h -> earlier.putIfAbsent(h.jobId(), h.submission()));
            for (Map.Entry<String, Submission> e : earlier.entrySet()) {
                LOG.info("{}: following earlier job {} for the trials it holds", request.experiment(), e.getKey());
                ArrayJobListener theirs = onlyTrials(queued.keySet(), listener);
                ArrayJobFollower.Reports reports = follower.follow(e.getKey(), e.getValue(),
                        request.withTrials(e.getValue().trialIds()), theirs);
                reports.finished().stream().filter(r -> queued.containsKey(r.trialId())).forEach(done::add);
                reports.failed().stream().filter(r -> queued.containsKey(r.trialId())).forEach(failed::add);
            }
        }
        boolean followed = options.follow() && (jobId.isPresent() || !queued.isEmpty());
        return new ArrayJobOutcome(jobId, submission, finished, alreadyQueued, done, failed, followed);
    }

    private static void discard(Submission submission) {
        try (Stream<Path> files = Files.walk(submission.folder())) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("could not remove the unsubmitted {}: {}", submission.folder(), e.getMessage());
        }
    }

    /** Where an earlier array holds a trial: its job, its files, the task and the task's state. */
    record Holder(String jobId, Submission submission, int task, SlurmState state) {
        @Override
        public String toString() {
            return "queued as task " + task + " of job " + jobId + " (" + state + ")";
        }
    }

    private static ArrayJobListener onlyTrials(java.util.Set<String> trials, ArrayJobListener listener) {
        return new ArrayJobListener() {
            @Override
            public void trialFinished(TaskReport report, int ended, int total) {
                if (trials.contains(report.trialId())) {
                    listener.trialFinished(report, ended, total);
                }
            }

            @Override
            public void taskFailed(TaskReport report, int ended, int total) {
                if (trials.contains(report.trialId())) {
                    listener.taskFailed(report, ended, total);
                }
            }
        };
    }

    /**
     * The unfinished trials of this experiment that a task of an earlier array still holds (pending, running,
     * ...), each with where it is held.
     */
    Map<String, Holder> queuedTrials(ArrayJobRequest request) throws IOException {
        Map<String, Holder> queued = new LinkedHashMap<>();
        Path slurm = request.resultsDirectory().resolve(JobScriptWriter.SLURM_FOLDER);
        if (!Files.isDirectory(slurm)) {
            return queued;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(slurm)) {
            folders = list.filter(p -> p.getFileName().toString().startsWith("submission-")).sorted().toList();
        }
        for (Path folder : folders) {
            Path jobIdFile = folder.resolve("job-id");
            Path trialList = folder.resolve("trials.txt");
            if (!Files.isRegularFile(jobIdFile) || !Files.isRegularFile(trialList)) {
                continue;
            }
            List<String> trials = new ArrayList<>(Files.readAllLines(trialList, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
            if (trials.stream().allMatch(request::finished)) {
                continue;
            }
            String jobId = Files.readString(jobIdFile, StandardCharsets.UTF_8).strip();
            Submission held = new Submission(folder, trials);
            for (ArrayTaskState s : client.queue(jobId, JobScriptWriter.jobName(request.experiment())).orElse(List.of())) {
                if (!s.state().ended() && s.task() < trials.size() && !request.finished(trials.get(s.task()))) {
                    queued.putIfAbsent(trials.get(s.task()), new Holder(jobId, held, s.task(), s.state()));
                }
            }
        }
        return queued;
    }
}
