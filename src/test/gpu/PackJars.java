import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes the application's runtime jars into one folder for src/test/gpu/pack.sh, small once the folder is xz'd:
 * every jar re-written with its entries stored, not deflated (xz then compresses across all classes, about 2.5x
 * smaller than the deflated jars); the OpenBLAS native jar left out (the cpu backend falls back to its own GEMM,
 * and the GPU run does not use it); and the two large libraries that Tablesaw uses for a handful of classes
 * (fastutil, icu4j) cut down to the classes that the other jars reach, followed through their own references
 * (jdeps, class level, same-package references included), with their META-INF entries and none of their other resources (icu4j's locale data: the
 * charset detector that Tablesaw calls needs none). Every other jar is kept whole.
 *
 * <p>Run with the JDK's source launcher: {@code java src/test/gpu/PackJars.java OUT_DIR JAR...}. Prints one line per
 * jar (entries kept of entries, bytes stored); exit 2 with one line when a jar cannot be read.
 */
public final class PackJars {
    /** Jars left out: the native OpenBLAS build (the cpu backend's optional GEMM). */
    static final String LEFT_OUT = "openblas-.*-linux-x86_64\\.jar";
    /** Jars cut down to the classes reached from the others. */
    static final String TRIMMED = "(fastutil|icu4j)-.*\\.jar";
    /** The packages of the trimmed jars, for jdeps's filter. */
    static final String TRIMMED_PACKAGES = "it\\.unimi\\.dsi\\.fastutil\\..*|com\\.ibm\\.icu\\..*";

    private PackJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java PackJars.java OUT_DIR JAR...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<Path> kept = new ArrayList<>();
        List<Path> trimmed = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            if (!Files.isRegularFile(jar)) {
                System.err.println("PackJars: " + jar + ": no such jar");
                System.exit(2);
            }
            String name = jar.getFileName().toString();
            if (name.matches(LEFT_OUT)) {
                System.out.println("left out " + name + " (native OpenBLAS; the cpu backend falls back to its own GEMM)");
            } else if (name.matches(TRIMMED)) {
                trimmed.add(jar);
            } else {
                kept.add(jar);
            }
        }
        String classPath = String.join(java.io.File.pathSeparator, java.util.stream.Stream.concat(kept.stream(), trimmed.stream())
                .map(Path::toString).toList());
        Set<String> reached = new HashSet<>();
        if (!trimmed.isEmpty()) {
            // the references into the trimmed packages from the jars that name them (found by their bytes)
            List<String> jdepsArgs = new ArrayList<>(List.of("-verbose:class", "-filter:none", "--multi-release", "25", "-cp", classPath,
                    "-e", TRIMMED_PACKAGES));
            for (Path j : kept) {
                if (mentionsTrimmedPackages(j)) {
                    jdepsArgs.add(j.toString());
                }
            }
            Map<String, Set<String>> edges = edges(jdeps(jdepsArgs));
            // the trimmed jars' own references: a jar that is also on -cp is only looked up, not analysed, so alone
            List<String> innerArgs = new ArrayList<>(List.of("-verbose:class", "-filter:none", "--multi-release", "25", "-e", TRIMMED_PACKAGES));
            trimmed.forEach(j -> innerArgs.add(j.toString()));
            edges(jdeps(innerArgs)).forEach((from, to) -> edges.computeIfAbsent(from, k -> new HashSet<>()).addAll(to));
            Deque<String> queue = new ArrayDeque<>();
            edges.forEach((from, to) -> {
                if (!from.matches(TRIMMED_PACKAGES)) {
                    queue.addAll(to);
                }
            });
            while (!queue.isEmpty()) {
                String c = queue.pop();
                if (reached.add(c)) {
                    queue.addAll(edges.getOrDefault(c, Set.of()));
                }
            }
            System.out.println("kept " + reached.size() + " classes of " + trimmed.stream().map(p -> p.getFileName().toString()).toList()
                    + " (reached from the other jars)");
        }
        for (Path jar : kept) {
            store(jar, out.resolve(jar.getFileName()), entry -> true);
        }
        for (Path jar : trimmed) {
            store(jar, out.resolve(jar.getFileName()), entry -> entry.startsWith("META-INF/") || entry.endsWith(".class")
                    && (reached.contains(className(entry)) || reached.contains(outerClass(className(entry)))));
        }
    }

    /** "a/b/C$D.class" to "a.b.C$D". */
    static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    /** "a.b.C$D" to "a.b.C": a nested class goes with its outer class. */
    static String outerClass(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    private static String jdeps(List<String> args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int rc = jdeps.run(o, e, args.toArray(String[]::new));
        o.flush();
        e.flush();
        if (rc != 0) {
            System.err.println("PackJars: jdeps failed (" + rc + "): " + (err.toString() + out).strip().lines()
                    .filter(l -> !l.startsWith("Warning")).findFirst().orElse(""));
            System.exit(2);
        }
        return out.toString();
    }

    /** jdeps -verbose:class lines "   FROM -> TO   WHERE" as FROM to its TOs. */
    static Map<String, Set<String>> edges(String jdepsOutput) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : jdepsOutput.split("\n")) {
            String[] t = line.strip().split("\\s+");
            if (t.length >= 3 && t[1].equals("->") && !t[0].endsWith(".jar")) {
                edges.computeIfAbsent(outerClass(t[0]), k -> new HashSet<>()).add(t[2]);
                edges.computeIfAbsent(t[0], k -> new HashSet<>()).add(t[2]);
            }
        }
        return edges;
    }

    /** Whether any entry of {@code jar} holds the internal name of a trimmed package (a class that may refer to it). */
    private static boolean mentionsTrimmedPackages(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().endsWith(".class")) {
                    try (InputStream s = z.getInputStream(e)) {
                        String text = new String(s.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                        if (text.contains("it/unimi/dsi/fastutil/") || text.contains("com/ibm/icu/")) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Copies the entries of {@code jar} that {@code keep} accepts into {@code target}, stored (no compression). */
    private static void store(Path jar, Path target, java.util.function.Predicate<String> keep) throws IOException {
        int total = 0;
        int kept = 0;
        long bytes = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                total++;
                if (!keep.test(e.getName())) {
                    continue;
                }
                byte[] data;
                try (InputStream s = in.getInputStream(e)) {
                    data = s.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                copy.setCrc(crc.getValue());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
                kept++;
                bytes += data.length;
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("PackJars: " + jar + ": " + e.getMessage());
            System.exit(2);
        }
        System.out.println(jar.getFileName() + ": " + kept + " of " + total + " entries, " + bytes / 1024 + " KiB stored");
    }
}
