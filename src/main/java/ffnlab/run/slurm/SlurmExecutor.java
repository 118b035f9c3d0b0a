package ffnlab.run.slurm;

import ffnlab.run.slurm.ArrayJobOutcome.TaskReport;
import ffnlab.run.slurm.Scheduler.ArrayTaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 * exists) and trials that a task of an earlier array of this experiment still holds (pending, running, preempted,
 * requeued: any state but a final one), writes one job script, submits {@code sbatch --parsable --array=0-(n-1)%k},
 * records the job id beside the script, and, when asked to wait, follows the array to its end.
 *
 * <p>Invariant: each trial is held by at most one array task that may still run. Deciding what to submit,
 * submitting it and recording its job id happen under the experiment's {@link SubmitLock}, so a second submitter
 * (another thread, process or host) waits and then sees the first one's trials as queued. A submission folder
 * without a job id, found under the lock, belongs to a submitter that died or failed before recording it: the
 * job is looked up by its script; when the controller knows it, its id is recorded and its trials stay held,
 * else the folder is marked {@code not-submitted} and holds nothing. A submission sbatch refused is removed; one
 * whose sbatch gave no usable answer is kept, to be resolved that way.
 *
 * <p>A failed or cancelled task leaves its trial unfinished; the next submission runs exactly what is missing.
 * A waiting submitter also follows the earlier arrays that hold some of its trials; following happens after the
 * lock is released.
 */
public final class SlurmExecutor {
    private static final Logger LOG = LogManager.getLogger();
    /** How long a submitter waits for another one to finish submitting the same experiment. */
    static final Duration LOCK_PATIENCE = Duration.ofMinutes(5);
    static final String NOT_SUBMITTED = "not-submitted";

    private final Scheduler client;
    private final JobScriptWriter writer;
    private final Duration lockPatience;

    public SlurmExecutor(Scheduler client) {
        this(client, new JobScriptWriter(), LOCK_PATIENCE);
    }

    public SlurmExecutor(Scheduler client, JobScriptWriter writer, Duration lockPatience) {
        this.client = client;
        this.writer = writer;
        this.lockPatience = lockPatience;
    }

    /**
     * Submits what is missing of {@code request}; with {@code options.follow()}, returns when the new array, and
     * any earlier array still holding some of the request's trials, has ended.
     *
     * @throws SlurmException when sbatch refuses, a SLURM command cannot be run, or another submitter holds the
     *                        experiment's lock for longer than the patience
     */
    public ArrayJobOutcome execute(ArrayJobRequest request, SlurmOptions options, ArrayJobFollower.Listener listener)
            throws IOException, InterruptedException {
        List<String> finished;
        Map<String, Holder> queued;
        List<String> pending;
        Optional<String> jobId = Optional.empty();
        Submission submission = null;
        ArrayJobRequest rest = null;
        String array = null;
        try (SubmitLock lock = SubmitLock.acquire(request.resultsDirectory().resolve(JobScriptWriter.SLURM_FOLDER), lockPatience)) {
            finished = request.trialIds().stream().filter(request::finished).toList();
            queued = queuedTrials(request);
            pending = request.trialIds().stream().filter(id -> !request.finished(id) && !queued.containsKey(id)).toList();
            if (!pending.isEmpty()) {
                rest = request.withTrials(pending);
                submission = writer.write(rest, options);
                array = options.arraySpec(pending.size());
                try {
                    jobId = Optional.of(client.submit(submission.script(), array));
                } catch (SlurmException.SbatchRefused e) {
                    discard(submission);   // nothing was queued: leave no submission folder behind
                    throw e;
                } catch (SlurmException e) {
                    LOG.warn("{}: sbatch may have queued it ({}); the next submission looks the job up by its script",
                            submission.folder(), e.getMessage());
                    throw e;
                }
                recordJobId(submission, jobId.get());
            }
        }
        queued.forEach((trial, holder) -> LOG.info("trial {} is already {}; not submitted again", trial, holder));
        List<String> alreadyQueued = request.trialIds().stream().filter(queued::containsKey).toList();
        ArrayJobFollower follower = new ArrayJobFollower(client, options.pollInterval());
        List<TaskReport> done = new ArrayList<>();
        List<TaskReport> busy = new ArrayList<>();
        List<TaskReport> failed = new ArrayList<>();
        if (jobId.isEmpty()) {
            LOG.info("{}: nothing to submit ({} trials finished, {} queued in earlier arrays)", request.experiment(),
                    finished.size(), alreadyQueued.size());
        } else {
            LOG.info("{}: submitted job {}: {} trials as --array={} ({} finished trials skipped); script {}, logs {}",
                    request.experiment(), jobId.get(), pending.size(), array, finished.size(), submission.script(), submission.logs());
            listener.submitted(jobId.get(), submission);
            if (options.follow()) {
                ArrayJobFollower.Reports reports = follower.follow(jobId.get(), submission, rest, listener);
                LOG.info("{}: job {} ended: {} trials finished, {} busy in another process, {} tasks failed", request.experiment(),
                        jobId.get(), reports.finished().size(), reports.busy().size(), reports.failed().size());
                done.addAll(reports.finished());
                busy.addAll(reports.busy());
                failed.addAll(reports.failed());
            }
        }
        if (options.follow()) {
            Map<String, Submission> earlier = new LinkedHashMap<>();
            queued.values().forEach(h -> earlier.putIfAbsent(h.jobId(), h.submission()));
            for (Map.Entry<String, Submission> e : earlier.entrySet()) {
                LOG.info("{}: following earlier job {} for the trials it holds", request.experiment(), e.getKey());
                ArrayJobFollower.Listener theirs = onlyTrials(queued.keySet(), listener);
                ArrayJobFollower.Reports reports = follower.follow(e.getKey(), e.getValue(),
                        request.withTrials(e.getValue().trialIds()), theirs);
                reports.finished().stream().filter(r -> queued.containsKey(r.trialId())).forEach(done::add);
                reports.busy().stream().filter(r -> queued.containsKey(r.trialId())).forEach(busy::add);
                reports.failed().stream().filter(r -> queued.containsKey(r.trialId())).forEach(failed::add);
            }
        }
        boolean followed = options.follow() && (jobId.isPresent() || !queued.isEmpty());
        return new ArrayJobOutcome(jobId, submission, finished, alreadyQueued, done, busy, failed, followed);
    }

    private static void recordJobId(Submission submission, String jobId) throws IOException {
        Path tmp = Files.createTempFile(submission.folder(), ".job-id", ".tmp");
        Files.writeString(tmp, jobId + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, submission.jobIdFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private static ArrayJobFollower.Listener onlyTrials(java.util.Set<String> trials, ArrayJobFollower.Listener listener) {
        return new ArrayJobFollower.Listener() {
            @Override
            public void trialFinished(TaskReport report, int ended, int total) {
                if (trials.contains(report.trialId())) {
                    listener.trialFinished(report, ended, total);
                }
            }

            @Override
            public void trialBusy(TaskReport report, int ended, int total) {
                if (trials.contains(report.trialId())) {
                    listener.trialBusy(report, ended, total);
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
     * The unfinished trials of this experiment that a task of an earlier array still holds (any state but a final
     * one), each with where it is held. Called under the experiment's {@link SubmitLock}: a submission folder
     * without a job id is an interrupted submission, resolved by {@link #interrupted}.
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
        String jobName = JobScriptWriter.jobName(request.experiment());
        for (Path folder : folders) {
            Path trialList = folder.resolve("trials.txt");
            if (!Files.isRegularFile(trialList) || Files.exists(folder.resolve(NOT_SUBMITTED))) {
                continue;
            }
            List<String> trials = new ArrayList<>(Files.readAllLines(trialList, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList());
            Submission held = new Submission(folder, trials);
            Optional<String> recorded = Files.isRegularFile(held.jobIdFile())
                    ? Optional.of(Files.readString(held.jobIdFile(), StandardCharsets.UTF_8).strip()) : interrupted(held, jobName);
            if (recorded.isEmpty() || trials.stream().allMatch(request::finished)) {
                continue;
            }
            String jobId = recorded.get();
            for (ArrayTaskState s : client.queue(jobId, jobName).orElse(List.of())) {
                if (!s.state().ended() && s.task() < trials.size() && !request.finished(trials.get(s.task()))) {
                    queued.putIfAbsent(trials.get(s.task()), new Holder(jobId, held, s.task(), s.state()));
                }
            }
        }
        return queued;
    }

    /**
     * A submission whose submitter stopped before recording a job id: the job the controller knows by its script
     * (its id is then recorded), or empty after marking the folder {@code not-submitted}.
     */
    private Optional<String> interrupted(Submission submission, String jobName) throws IOException {
        Optional<String> found = Files.isRegularFile(submission.script()) ? client.findJob(jobName, submission.script()) : Optional.empty();
        if (found.isPresent()) {
            LOG.warn("{}: its submitter stopped before recording the job id; the scheduler runs it as job {}, recorded now",
                    submission.folder(), found.get());
            recordJobId(submission, found.get());
        } else {
            LOG.warn("{}: its submitter stopped before recording a job id and the scheduler knows no job for its script; "
                    + "its trials are free to submit again", submission.folder());
            Files.writeString(submission.folder().resolve(NOT_SUBMITTED), "no job id was recorded and on " + java.time.Instant.now()
                    + " the scheduler knew no job running " + submission.script() + "\n", StandardCharsets.UTF_8);
        }
        return found;
    }
}
