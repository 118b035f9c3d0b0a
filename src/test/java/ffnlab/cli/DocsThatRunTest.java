package ffnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ffnlab.cli.MarkdownSnippets.Kind;
import ffnlab.cli.MarkdownSnippets.Snippet;
import ffnlab.run.DataSources;
import ffnlab.run.ExperimentRun;
import ffnlab.run.RunOptions;
import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.Node;
import ffnlab.spec.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and YAML snippet of README.md and experiments/README.md ({@link MarkdownSnippets} finds them) is run or
 * parsed, in the order of its file, in a workspace of its own per file: a copy of experiments/ (with the baselines) and
 * empty results/ and reports/ folders. A failure names the file and line of the snippet.
 *
 * <p>ffnlab commands ({@code bin/ffnlab ...}, {@code java [-D...] -jar target/ffnlab-VERSION.jar ...}, {@code mvn ...
 * exec:java -D... [-Dexec.args="..."]}, with {@code JAVA_OPTS=-D...} in front) go through {@link Main#run} in this JVM
 * as their entry would take them: the -D properties become system properties (read by {@link CommandLine} as under
 * exec:java), the launcher's words its arguments. They run against the workspace ({@code -Dresults.dir},
 * {@code -Dexperiments.dir}, {@code -Dreports.dir}), under {@code -Dprofile=smoke} unless they name a profile, and must
 * end with exit status 0. Completions, written once here:
 * <ul>
 * <li>placeholders: {@code NAME} is width-sweep, {@code COMMAND} is run, {@code ID} the first trial of the experiment's
 * plan, {@code FILE} a file in the workspace, {@code VERSION} or {@code <version>} in a jar's name the pom's version;
 * {@code my-exp} and {@code my-experiment} are copies of housing-ffn.yaml in the workspace (a user's own file);</li>
 * <li>an optional part in brackets that starts with an option ({@code [--fresh]}, {@code [--set k=v,...]}) is left out;</li>
 * <li>a run that would submit to SLURM ({@code --executor slurm}) or needs Fashion-MNIST is validated instead (the
 * command {@code validate} with the options it takes).</li>
 * </ul>
 * Other commands are checked, not run: a Maven build ({@code mvn -B verify}, {@code mvn test -Dtest=A,B}, {@code -Pbench})
 * names only lifecycle phases, profiles of pom.xml, test classes that exist and properties some source reads;
 * {@code git add PATH} names a file the commands before it wrote; {@code bash FILE} a file of the repository.
 *
 * <p>A YAML snippet is written to the workspace's experiments folder and validated; one marked {@code <!-- fragment -->}
 * is a part of a file, completed as {@code extends: housing-ffn} followed by the snippet, and a {@code csv_file} it names
 * that does not exist is written there first (a small numeric CSV with its {@code target_columns} and two inputs).
 */
class DocsThatRunTest {
    private static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("experiments", "README.md"));
    private static final Set<String> PHASES = Set.of("clean", "validate", "compile", "test-compile", "test", "package", "verify",
            "install", "exec:java");
    /** Properties of Maven and its plug-ins (Surefire, exec). */
    private static final Set<String> MAVEN_PROPERTIES = Set.of("skipTests", "maven.test.skip", "surefire.failIfNoSpecifiedTests",
            "exec.args");
    private static final Map<String, String> PLACEHOLDERS = Map.of("NAME", "width-sweep", "COMMAND", "run");
    private static final List<String> OWN_EXPERIMENTS = List.of("my-exp", "my-experiment");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCommandAndSnippetOfTheDocsRuns() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : DOCS) {
            Path workspace = dir.resolve(doc.toString().replace('/', '-'));
            List<Snippet> snippets = MarkdownSnippets.read(doc);
            tests.add(DynamicTest.dynamicTest(doc + " has commands and snippets", () -> {
                assertFalse(snippets.isEmpty(), doc + ": nothing found");
                workspace(workspace);
            }));
            for (Snippet s : snippets) {
                tests.add(DynamicTest.dynamicTest(s.where() + " " + s.text().lines().findFirst().orElse(""),
                        () -> check(s, workspace)));
            }
        }
        return tests.stream();
    }

    /** experiments/ copied (with the user's own experiments), empty results/ and reports/. */
    private static void workspace(Path workspace) throws IOException {
        Path experiments = workspace.resolve("experiments");
        try (Stream<Path> files = Files.walk(Path.of("experiments"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = experiments.resolve(Path.of("experiments").relativize(f));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        for (String own : OWN_EXPERIMENTS) {
            Files.copy(experiments.resolve("housing-ffn.yaml"), experiments.resolve(own + ".yaml"));
        }
        Files.createDirectories(workspace.resolve("results"));
        Files.createDirectories(workspace.resolve("reports"));
    }

    private static void check(Snippet s, Path workspace) throws IOException {
        if (s.kind() == Kind.YAML) {
            yaml(s, workspace);
            return;
        }
        List<String> words = ShellWords.split(s.text());
        Map<String, String> properties = new LinkedHashMap<>();
        while (!words.isEmpty() && words.getFirst().matches("[A-Z_]+=.*")) {
            String assignment = words.removeFirst();
            if (assignment.startsWith("JAVA_OPTS=")) {
                ShellWords.split(assignment.substring("JAVA_OPTS=".length())).forEach(o -> property(o, properties, s));
            }
        }
        String program = words.isEmpty() ? "" : words.removeFirst();
        switch (program) {
            case "bin/ffnlab" -> ffnlab(s, workspace, words, properties);
            case "java" -> {
                while (!words.isEmpty() && !words.getFirst().equals("-jar")) {
                    property(words.removeFirst(), properties, s);
                }
                assertFalse(words.size() < 2, s.where() + ": java without -jar JAR: " + s.text());
                words.removeFirst();
                String jar = words.removeFirst();
                assertTrue(jar.equals("target/ffnlab-" + pomVersion() + ".jar") || jar.equals("target/ffnlab-VERSION.jar")
                        || jar.equals("target/ffnlab-<version>.jar"), s.where() + ": not the jar Maven builds: " + jar);
                ffnlab(s, workspace, words, properties);
            }
            case "mvn" -> maven(s, workspace, words, properties);
            case "git" -> {
                assertEquals("add", words.isEmpty() ? "" : words.getFirst(), s.where() + ": only git add is checked: " + s.text());
                for (String path : words.subList(1, words.size())) {
                    assertTrue(Files.exists(workspace.resolve(path)) || Files.exists(Path.of(path)),
                            s.where() + ": git add " + path + ", which the commands before it did not write");
                }
            }
            case "bash" -> assertTrue(!words.isEmpty() && Files.isRegularFile(Path.of(words.getFirst())),
                    s.where() + ": no such script: " + s.text());
            default -> fail(s.where() + ": a command this test can neither run nor check (" + program + "): " + s.text());
        }
    }

    private static void property(String option, Map<String, String> properties, Snippet s) {
        if (option.startsWith("-D")) {
            int eq = option.indexOf('=');
            properties.put(eq < 0 ? option.substring(2) : option.substring(2, eq), eq < 0 ? "" : option.substring(eq + 1));
        }
    }

    private static void maven(Snippet s, Path workspace, List<String> words, Map<String, String> properties) throws IOException {
        List<String> goals = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("-D")) {
                property(w, properties, s);
            } else if (w.startsWith("-P")) {
                profiles.addAll(List.of(w.substring(2).split(",")));
            } else if (!w.startsWith("-")) {
                goals.add(w);
            }
        }
        for (String goal : goals) {
            assertTrue(PHASES.contains(goal), s.where() + ": not a phase or goal of this build: " + goal);
        }
        if (goals.contains("exec:java") && profiles.isEmpty()) {
            String args = properties.remove("exec.args");
            ffnlab(s, workspace, args == null ? new ArrayList<>() : ShellWords.split(args), properties);
            return;
        }
        String pom = Files.readString(Path.of("pom.xml"));
        for (String profile : profiles) {
            assertTrue(pom.contains("<id>" + profile + "</id>"), s.where() + ": no profile " + profile + " in pom.xml");
        }
        for (Map.Entry<String, String> p : properties.entrySet()) {
            switch (p.getKey()) {
                case "test" -> {
                    for (String name : p.getValue().split(",")) {
                        assertTrue(sourceExists("src/test/java", name.strip() + ".java"), s.where() + ": no test class " + name);
                    }
                }
                case "ffnlab.main" -> assertTrue(sourceExists("src", p.getValue().replace('.', '/') + ".java"),
                        s.where() + ": no class " + p.getValue());
                default -> assertTrue(MAVEN_PROPERTIES.contains(p.getKey()) || sourcesRead(p.getKey()),
                        s.where() + ": no source reads the property -D" + p.getKey());
            }
        }
    }

    /**
     * Runs an ffnlab command: {@code args} as the launcher takes them (empty: the Maven entry, from {@code properties}),
     * completed as the class comment says.
     */
    private static void ffnlab(Snippet s, Path workspace, List<String> words, Map<String, String> properties) throws IOException {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("[--")) {
                while (!words.get(i).endsWith("]")) {
                    i++;
                }
                continue;
            }
            args.add(PLACEHOLDERS.getOrDefault(w, w));
        }
        properties.replaceAll((k, v) -> PLACEHOLDERS.getOrDefault(v, v));
        if (args.contains("FILE")) {
            args.set(args.indexOf("FILE"), workspace.resolve("out-" + s.line()).toString());
        }
        Map<String, String> system = new LinkedHashMap<>(Map.of("profile", "smoke"));
        system.putAll(properties);
        system.put("results.dir", workspace.resolve("results").toString());
        system.put("experiments.dir", workspace.resolve("experiments").toString());
        system.put("reports.dir", workspace.resolve("reports").toString());
        String experiment = args.isEmpty() ? system.get("exp") : args.size() > 1 && !args.get(1).startsWith("--") ? args.get(1)
                : args.contains("--experiment") ? args.get(args.indexOf("--experiment") + 1) : null;
        if (args.contains("ID")) {
            args.set(args.indexOf("ID"), firstTrial(workspace, experiment, profile(args, system)));
        }
        boolean slurm = "slurm".equals(system.get("executor")) || args.contains("--executor") && "slurm".equals(args.get(args.indexOf("--executor") + 1));
        if (slurm || experiment != null && needsFashionMnist(workspace, experiment, profile(args, system))) {
            validateInstead(args, system);
        }
        Map<String, String> before = new LinkedHashMap<>();
        system.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        InProcessCommand.Result r;
        try {
            system.forEach(System::setProperty);
            r = InProcessCommand.once(args.toArray(String[]::new));
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        assertEquals(0, r.status(), r.describe(s.where() + ": " + s.text() + "\nran as: " + args + " with -D" + system));
    }

    private static String profile(List<String> args, Map<String, String> system) {
        int at = args.indexOf("--profile");
        return at >= 0 ? args.get(at + 1) : system.get("profile");
    }

    /** Turns a command into {@code validate} of the same experiment, with the options validate takes. */
    private static void validateInstead(List<String> args, Map<String, String> system) {
        system.keySet().removeIf(k -> List.of("check", "executor", "wait", "report-only").contains(k) || k.startsWith("slurm."));
        if (args.isEmpty()) {
            system.put("validate", "true");
            return;
        }
        List<String> kept = new ArrayList<>(List.of("validate", args.get(1)));
        for (int i = 2; i < args.size(); i++) {
            if (Help.takesValue(args.get(i)) && i + 1 < args.size()) {
                if (Help.options("validate").contains(args.get(i))) {
                    kept.addAll(List.of(args.get(i), args.get(i + 1)));
                }
                i++;
            }
        }
        args.clear();
        args.addAll(kept);
    }

    /** Whether the experiment reads Fashion-MNIST; false for a file that does not load (the command itself then says why). */
    private static boolean needsFashionMnist(Path workspace, String experiment, String profile) {
        ExperimentFiles files = new ExperimentFiles(workspace.resolve("experiments"));
        String name = ffnlab.results.ResultsStore.base(experiment);
        if (!files.names().contains(name)) {
            return false;
        }
        try {
            Node dataset = files.load(name, Profile.parse(profile), Map.of()).base().get("dataset");
            return dataset instanceof Node.Mapping m && m.get("source") != null && "fashion-mnist".equals(m.get("source").plain());
        } catch (ffnlab.UserError e) {
            return false;
        }
    }

    private static String firstTrial(Path workspace, String experiment, String profile) {
        RunOptions options = new RunOptions(workspace.resolve("experiments"), workspace.resolve("results"), Profile.parse(profile), Map.of(),
                false, 1);
        return new ExperimentRun(options, new DataSources()).plan(experiment).trials().getFirst().id();
    }

    private static void yaml(Snippet s, Path workspace) throws IOException {
        String name = "doc-snippet-" + s.line();
        String text = s.fragment() ? "extends: housing-ffn\n" + s.text() : s.text();
        Matcher csv = Pattern.compile("csv_file:\\s*([^,}\\s]+)").matcher(text);
        if (csv.find() && !Files.exists(Path.of(csv.group(1)))) {
            Path file = workspace.resolve(csv.group(1));
            Matcher targets = Pattern.compile("target_columns:\\s*\\[([^\\]]*)\\]").matcher(text);
            List<String> columns = new ArrayList<>(List.of("x1", "x2"));
            if (targets.find()) {
                for (String t : targets.group(1).split(",")) {
                    columns.add(t.strip());
                }
            }
            StringBuilder rows = new StringBuilder(String.join(",", columns)).append('\n');
            for (int i = 0; i < 60; i++) {
                for (int c = 0; c < columns.size(); c++) {
                    rows.append(c == 0 ? "" : ",").append((i * (c + 3)) % 17 + 0.5 * c);
                }
                rows.append('\n');
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, rows);
            text = text.substring(0, csv.start(1)) + file + text.substring(csv.end(1));
        }
        try {
            Files.writeString(workspace.resolve("experiments").resolve(name + ".yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> none = new LinkedHashMap<>();
        ffnlab(s, workspace, new ArrayList<>(List.of("validate", name)), none);
    }

    private static boolean sourceExists(String root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            return files.anyMatch(f -> f.toString().replace('\\', '/').endsWith("/" + suffix));
        }
    }

    /** Whether some Java source (this one aside) or pom.xml names the property, as a string or as ${name}. */
    private static boolean sourcesRead(String property) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith(DocsThatRunTest.class.getSimpleName() + ".java")).toList()) {
                if (Files.readString(f).contains("\"" + property + "\"")) {
                    return true;
                }
            }
        }
        return Files.readString(Path.of("pom.xml")).contains("${" + property + "}");
    }

    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>ffnlab</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml's version");
        return m.group(1);
    }
}
