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
     * Submits what is missing of {@code request}; with {@code options.follow()}, returns when the array has ended.
     *
     * @throws SlurmException when sbatch refuses or a SLURM command cannot be run
     */
    public ArrayJobOutcome execute(ArrayJobRequest request, SlurmOptions options, ArrayJobListener listener)
            throws IOException, InterruptedException {
        List<String> finished = request.trialIds().stream().filter(request::finished).toList();
        Map<String, String> queued = queuedTrials(request);
        List<String> pending = request.trialIds().stream().filter(id -> !request.finished(id) && !queued.containsKey(id)).toList();
        queued.forEach((trial, where) -> LOG.info("trial {} is already {}; not submitted again", trial, where));
        List<String> alreadyQueued = request.trialIds().stream().filter(queued::containsKey).toList();
        if (pending.isEmpty()) {
            LOG.info("{}: nothing to submit ({} trials finished, {} queued in earlier arrays)", request.experiment(),
                    finished.size(), alreadyQueued.size());
            return new ArrayJobOutcome(Optional.empty(), null, finished, alreadyQueued, List.of(), List.of(), false);
        }
        ArrayJobRequest rest = request.withTrials(pending);
        Submission submission = writer.write(rest, options);
        String array = options.arraySpec(pending.size());
        String jobId = client.submit(submission.script(), array);
        Path tmp = Files.createTempFile(submission.folder(), ".job-id", ".tmp");
        Files.writeString(tmp, jobId + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, submission.jobIdFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("{}: submitted job {}: {} trials as --array={} ({} finished trials skipped); script {}, logs {}",
                request.experiment(), jobId, pending.size(), array, finished.size(), submission.script(), submission.logs());
        listener.submitted(jobId, submission);
        if (!options.follow()) {
            return new ArrayJobOutcome(Optional.of(jobId), submission, finished, alreadyQueued, List.of(), List.of(), false);
        }
        ArrayJobFollower.Reports reports = new ArrayJobFollower(client, options.pollInterval()).follow(jobId, submission, rest, listener);
        LOG.info("{}: job {} ended: {} trials finished, {} tasks failed", request.experiment(), jobId,
                reports.finished().size(), reports.failed().size());
        return new ArrayJobOutcome(Optional.of(jobId), submission, finished, alreadyQueued, reports.finished(), reports.failed(), true);
    }

    /**
     * The unfinished trials of this experiment that a task of an earlier array still holds (pending, running,
     * ...), each with where: {@code "queued as task 3 of job 123 (RUNNING)"}.
     */
    Map<String, String> queuedTrials(ArrayJobRequest request) throws IOException {
        Map<String, String> queued = new LinkedHashMap<>();
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
            for (ArrayTaskState s : client.queue(jobId, JobScriptWriter.jobName(request.experiment())).orElse(List.of())) {
                if (!s.state().ended() && s.task() < trials.size() && !request.finished(trials.get(s.task()))) {
                    queued.putIfAbsent(trials.get(s.task()), "queued as task " + s.task() + " of job " + jobId + " (" + s.state() + ")");
                }
            }
        }
        return queued;
    }
}
