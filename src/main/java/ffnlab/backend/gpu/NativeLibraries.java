package ffnlab.backend.gpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CUDA libraries are looked for: the folders of {@code LD_LIBRARY_PATH}, {@code $CUDA_HOME},
 * {@code /usr/local/cuda} and every {@code /usr/local/cuda-X.Y} (newest first), each in its
 * {@code targets/x86_64-linux/lib}, {@code lib64} and {@code lib}, then the system's library folders.
 * A library is found as the first file named like one of its versioned names (newest version first),
 * trying each name in every folder before the next name: libcublas.so.13 anywhere beats libcublas.so.12.
 */
final class NativeLibraries {
    private static final Pattern CUDA_DIR = Pattern.compile("cuda-(\\d+)\\.(\\d+)");

    private NativeLibraries() {
    }

    /** cuBLAS, newest ABI first. */
    static final List<String> CUBLAS = List.of("libcublas.so.13", "libcublas.so.12");

    /** NVRTC, newest ABI first. */
    static final List<String> NVRTC = List.of("libnvrtc.so.13", "libnvrtc.so.12");

    /** The folders to search, in order, given the environment and the root of the file system. */
    static List<Path> searchPath(Map<String, String> env, Path root) {
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        String ld = env.getOrDefault("LD_LIBRARY_PATH", "");
        for (String entry : ld.split(":")) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        List<Path> homes = new ArrayList<>();
        String cudaHome = env.get("CUDA_HOME");
        if (cudaHome != null && !cudaHome.isBlank()) {
            homes.add(Path.of(cudaHome));
        }
        Path local = root.resolve("usr/local");
        homes.add(local.resolve("cuda"));
        homes.addAll(versionedCudaHomes(local));
        for (Path home : homes) {
            dirs.add(home.resolve("targets/x86_64-linux/lib"));
            dirs.add(home.resolve("lib64"));
            dirs.add(home.resolve("lib"));
        }
        dirs.add(root.resolve("usr/lib/x86_64-linux-gnu"));
        dirs.add(root.resolve("usr/lib64"));
        dirs.add(root.resolve("usr/lib"));
        return List.copyOf(dirs);
    }

    /** /usr/local/cuda-X.Y folders, highest version first. */
    private static List<Path> versionedCudaHomes(Path local) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(local)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(local, "cuda-*")) {
            for (Path p : entries) {
                if (CUDA_DIR.matcher(p.getFileName().toString()).matches()) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(Comparator.comparingInt((Path p) -> version(p, 1)).thenComparingInt(p -> version(p, 2)).reversed());
        return found;
    }

    private static int version(Path p, int group) {
        Matcher m = CUDA_DIR.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(group)) : -1;
    }

    /** The first existing file among {@code names} (in order) in {@code dirs} (in order). */
    static Optional<Path> locate(List<String> names, List<Path> dirs) {
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The one-line reason given when none of {@code names} is found. */
    static String notFound(List<String> names, List<Path> dirs) {
        return "none of " + String.join(", ", names) + " found in LD_LIBRARY_PATH, CUDA_HOME or the usual CUDA folders ("
                + dirs.size() + " searched)";
    }
}
