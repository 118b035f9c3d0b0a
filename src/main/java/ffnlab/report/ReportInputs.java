package ffnlab.report;

import ffnlab.data.Sha256;
import ffnlab.results.ExperimentDirectory;
import ffnlab.sweep.EngineFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fingerprint of what a report is built from, so that a run which changed nothing rebuilds nothing: SHA-256 over
 * an experiment folder's experiment.yaml and plan.txt and every file of its trial folders, each as its path, size and
 * bytes, in path order. Files whose names start with a dot (a run's lock and temporary files) and run.log are not read
 * by any report and do not take part. {@link #code()} fingerprints the code that builds reports.
 */
final class ReportInputs {
    /** Libraries whose output the pages hold: tables and statistics, charts, SVG. */
    static final List<String> LIBRARIES = List.of("tech.tablesaw/tablesaw-core", "org.apache.commons/commons-math3",
            "org.knowm.xchart/xchart", "de.erichseifert.vectorgraphics2d/VectorGraphics2D");

    private static final class Code {
        static final String VALUE = EngineFingerprint.of(EngineFingerprint.classPathRoot(), name -> name.startsWith("ffnlab/"),
                EngineFingerprint.versions(LIBRARIES));
    }

    private ReportInputs() {
    }

    /** This build's fingerprint of every ffnlab class and resource and of {@link #LIBRARIES}' versions; computed once. */
    static String code() {
        return Code.VALUE;
    }

    /** The fingerprint of the results in {@code experimentDir} (a missing file or folder counts as absent). */
    static String of(Path experimentDir) {
        MessageDigest digest = Sha256.digest();
        for (String file : List.of(ExperimentDirectory.EXPERIMENT, ExperimentDirectory.PLAN, ffnlab.search.SearchTable.FILE)) {
            add(digest, experimentDir, experimentDir.resolve(file));
        }
        Path trials = experimentDir.resolve("trials");
        if (Files.isDirectory(trials)) {
            try (Stream<Path> files = Files.walk(trials)) {
                for (Path f : files.filter(ReportInputs::read).sorted().toList()) {
                    add(digest, experimentDir, f);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + trials + ": " + e.getMessage(), e);
            }
        }
        return Sha256.hex(digest.digest());
    }

    private static boolean read(Path f) {
        return Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".");
    }

    /** Adds the file's path (relative to {@code root}), size and bytes; a missing file adds its path and -1. */
    private static void add(MessageDigest digest, Path root, Path file) {
        String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            digest.update((name + "\n" + Files.size(file) + "\n").getBytes(StandardCharsets.UTF_8));
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            digest.update((name + "\n-1\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
