package ffnlab.run.slurm;

import java.nio.file.Path;

/**
 * The minimal {@code slurm.conf} of the single-node test cluster: munge authentication through a private
 * socket, Linux process tracking without cgroups ({@code proctrack/linuxproc}, {@code task/none}),
 * {@code select/cons_tres} so that array tasks share the node by CPU, no accounting, and every state file,
 * spool and log under {@code root}.
 */
final class SlurmConfiguration {
    private SlurmConfiguration() {
    }

    /**
     * @param root            the cluster's folder (holds state/, spool/, log/)
     * @param mungeSocket     the private munged's socket
     * @param nodeLine        this host as {@code slurmd -C} describes it ({@code NodeName=... CPUs=...})
     * @param controllerPort  slurmctld's TCP port
     * @param nodePort        slurmd's TCP port
     */
    static String render(Path root, Path mungeSocket, String nodeLine, int controllerPort, int nodePort) {
        String node = nodeLine.strip().split("\\s+")[0].substring("NodeName=".length());
        return String.join("\n",
                "# ffnlab's single-node test cluster (written by SlurmCluster; deleted with it)",
                "ClusterName=ffnlabtest",
                "SlurmctldHost=" + node + "(127.0.0.1)",
                "SlurmctldPort=" + controllerPort,
                "SlurmdPort=" + nodePort,
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + mungeSocket,
                "SlurmUser=root",
                "SlurmdUser=root",
                "StateSaveLocation=" + root.resolve("state"),
                "SlurmdSpoolDir=" + root.resolve("spool"),
                "SlurmctldPidFile=" + root.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + root.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + root.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + root.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "MpiDefault=none",
                "SchedulerType=sched/backfill",
                "SchedulerParameters=sched_min_interval=0,batch_sched_delay=0",
                "ReturnToService=2",
                "KillWait=2",
                "MinJobAge=600",
                nodeLine.strip() + " NodeAddr=127.0.0.1 State=UNKNOWN",
                "PartitionName=debug Nodes=" + node + " Default=YES MaxTime=INFINITE State=UP",
                "");
    }
}
