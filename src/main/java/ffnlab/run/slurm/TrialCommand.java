package ffnlab.run.slurm;

import ffnlab.run.BackendChoice;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command an array task runs: {@code JAVA --enable-native-access=ALL-UNNAMED -Xss8m [java_options] -cp CLASSPATH
 * ffnlab.cli.Main trial --experiment NAME [options] --id} (the job script appends the trial id). The classpath
 * is this JVM's own (the jar, or Maven's target/classes and repository jars under {@code exec:java}), so the
 * nodes run exactly the code that planned the sweep; it must therefore lie on the shared filesystem.
 */
public final class TrialCommand {
    /** The entry point that runs one trial. */
    public static final String MAIN = "ffnlab.cli.Main";
    /** JVM flags every trial gets: native access for the GPU backend, the stack the tests use. */
    static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-Xss8m");

    private TrialCommand() {
    }

    /**
     * @param javaCommand    the Java launcher on the nodes
     * @param javaOptions    further JVM flags
     * @param classpath      the classpath entries (absolute)
     * @param trialArguments what follows {@code trial}: {@code --experiment NAME --experiments DIR --results DIR ...},
     *                       without {@code --id}
     */
    public static List<String> of(String javaCommand, List<String> javaOptions, List<Path> classpath, List<String> trialArguments) {
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("the trial command needs a classpath");
        }
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(JVM_FLAGS);
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(MAIN);
        command.add("trial");
        command.addAll(trialArguments);
        command.add("--id");
        return List.copyOf(command);
    }

    /**
     * The system properties of this JVM that a trial on a node needs too, as JVM flags: what {@code auto} resolved
     * to here ({@link BackendChoice#AUTO_PROPERTY}, so the node plans the same trial ids whatever devices it has),
     * and {@code data.dir} (made absolute). Environment variables such as {@code FFNLAB_DATA} reach the nodes
     * through sbatch's default {@code --export=ALL}.
     */
    public static List<String> forwardedProperties() {
        List<String> out = new ArrayList<>();
        out.add("-D" + BackendChoice.AUTO_PROPERTY + "=" + BackendChoice.resolve("auto"));
        String dataDir = System.getProperty("data.dir");
        if (dataDir != null && !dataDir.isBlank()) {
            out.add("-Ddata.dir=" + Path.of(dataDir).toAbsolutePath().normalize());
        }
        return List.copyOf(out);
    }

    /**
     * This JVM's application classpath, absolute: the URLs of the class loader that loaded ffnlab (Maven's
     * {@code exec:java} runs ffnlab in a URL class loader) followed by {@code java.class.path}; entries that do
     * not exist are dropped.
     */
    public static List<Path> currentClasspath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (ClassLoader l = TrialCommand.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toAbsolutePath().normalize());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a plain file URL: not something a node can load either
                        }
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path jar = Path.of(entry).toAbsolutePath().normalize();
                entries.add(jar);
                entries.addAll(manifestClassPath(jar));
            }
        }
        return entries.stream().filter(Files::exists).toList();
    }

    /** Where ffnlab's own classes come from: {@code target/classes} or the ffnlab jar. */
    public static Optional<Path> ownCode() {
        try {
            return Optional.of(Path.of(TrialCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code Class-Path} of a jar's manifest (the runnable ffnlab jar names its libraries in {@code lib/}),
     * resolved against the jar's folder, so that the classpath still holds them once the jar itself is copied.
     */
    static List<Path> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String entry : classPath.strip().split("\\s+")) {
                try {
                    out.add(Path.of(jar.getParent().toUri().resolve(entry)).toAbsolutePath().normalize());
                } catch (IllegalArgumentException e) {
                    // not a file URL: nothing a node could load
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
