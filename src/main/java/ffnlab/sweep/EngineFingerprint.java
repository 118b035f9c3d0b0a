package ffnlab.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The fingerprint of the code that trains a trial: the first 16 hex characters of SHA-256 over the compiled
 * classes and resources of the training path ({@link #TRAINING_PATH}), each as its name and its bytes, sorted by
 * name, plus the versions of the numeric libraries that path calls ({@link #LIBRARIES}). It is read from the
 * class-path root that holds this class, a {@code target/classes} folder or the jar, so the build itself
 * determines it: any change to those classes (or a different OpenBLAS or Tribuo) gives another fingerprint,
 * with nothing to remember to bump. Computed once per process.
 */
public final class EngineFingerprint {
    /**
     * Class-path entries that take part: a name ending in {@code /} is a package and everything under it, any other
     * a class with its nested classes. Report, plot, analysis, cli and spec parsing are not on the training path; the
     * binder is, as it turns a configuration's values into the initialiser and optimiser that train.
     */
    public static final List<String> TRAINING_PATH = List.of("ffnlab/nn/", "ffnlab/backend/", "ffnlab/train/",
            "ffnlab/data/", "ffnlab/tribuo/", "ffnlab/spec/TrialConfig", "ffnlab/spec/ConfigBinder", "ffnlab/run/TrialRunner",
            "ffnlab/run/BaselineTrial", "ffnlab/run/BackendChoice", "ffnlab/run/DataSources", "ffnlab/run/TrainingData");

    /** Maven coordinates (group/artifact) of the libraries whose numbers the training path uses. */
    public static final List<String> LIBRARIES = List.of("org.bytedeco/openblas", "org.bytedeco/javacpp", "org.tribuo/tribuo-core",
            "org.tribuo/tribuo-regression-sgd", "org.tribuo/tribuo-classification-sgd");

    private static final class Current {
        static final String VALUE = compute();
    }

    private EngineFingerprint() {
    }

    /** This build's fingerprint. */
    public static String current() {
        return Current.VALUE;
    }

    /** The fingerprint of the training-path entries under {@code root} (a class folder or a jar) and these library versions. */
    public static String of(Path root, Map<String, String> libraryVersions) {
        return of(root, EngineFingerprint::onTrainingPath, libraryVersions);
    }

    /**
     * The same fingerprint over the entries under {@code root} whose names {@code include} accepts: the build of other
     * code than the training path (the reports' code, {@code ffnlab.report.ReportInputs}).
     */
    public static String of(Path root, java.util.function.Predicate<String> include, Map<String, String> libraryVersions) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> e : entries(root, include).entrySet()) {
            digest.update((e.getKey() + "\n" + e.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(e.getValue());
        }
        new TreeMap<>(libraryVersions).forEach((library, version) ->
                digest.update((library + "=" + version + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** Whether a class-path entry name (with {@code /} separators) is on the training path. */
    static boolean onTrainingPath(String name) {
        for (String p : TRAINING_PATH) {
            if (p.endsWith("/") ? name.startsWith(p) && !name.endsWith("/")
                    : name.equals(p + ".class") || name.startsWith(p + "$")) {
                return true;
            }
        }
        return false;
    }

    /** The entries under {@code root} that {@code include} accepts, by name. */
    static TreeMap<String, byte[]> entries(Path root, java.util.function.Predicate<String> include) {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String name = root.relativize(f).toString().replace('\\', '/');
                        if (include.test(name)) {
                            entries.put(name, Files.readAllBytes(f));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (!e.isDirectory() && include.test(e.getName())) {
                            try (InputStream in = jar.getInputStream(e)) {
                                entries.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + root + ": " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(root + " holds none of the classes to fingerprint");
        }
        return entries;
    }

    private static String compute() {
        return of(classPathRoot(), versions(LIBRARIES));
    }

    /** The class-path root (a class folder or a jar) that holds ffnlab's classes. */
    public static Path classPathRoot() {
        try {
            return Path.of(EngineFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class-path location of " + EngineFingerprint.class + " is not a path", e);
        }
    }

    /** The versions of {@code libraries} ({@code group/artifact}) on the class path, by library. */
    public static Map<String, String> versions(List<String> libraries) {
        Map<String, String> versions = new TreeMap<>();
        for (String library : libraries) {
            versions.put(library, libraryVersion(library));
        }
        return versions;
    }

    /** A library's version from its {@code pom.properties} on the class path ({@code group/artifact}), or "absent". */
    public static String libraryVersion(String library) {
        try (InputStream in = EngineFingerprint.class.getResourceAsStream("/META-INF/maven/" + library + "/pom.properties")) {
            if (in == null) {
                return "absent";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "absent");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of " + library + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
