package ffnlab.cli;

import ffnlab.spec.ExperimentFiles;
import ffnlab.spec.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Which committed experiments read Fashion-MNIST, which is not in the repository, and whether its files are here. */
public final class DatasetFiles {
    private DatasetFiles() {
    }

    /** Whether {@code name} (with what it extends) reads {@code dataset.source: fashion-mnist}. */
    public static boolean needsFashionMnist(Path experiments, String name) {
        Node.Mapping tree = new ExperimentFiles(experiments).merged(name, new java.util.ArrayList<>());
        return tree.get("dataset") instanceof Node.Mapping dataset && dataset.get("source") != null
                && "fashion-mnist".equals(String.valueOf(dataset.get("source").plain()));
    }

    /** Fashion-MNIST's files under FFNLAB_DATA / data.dir / data/ / the Debian folder. */
    public static boolean fashionMnistPresent() {
        Stream<Path> roots = Stream.of(System.getProperty("data.dir"), System.getenv("FFNLAB_DATA"))
                .filter(s -> s != null && !s.isBlank()).map(Path::of);
        return Stream.concat(roots.flatMap(r -> Stream.of(r, r.resolve("fashion-mnist"))),
                        Stream.of(Path.of("data", "fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")))
                .anyMatch(d -> Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz"))
                        || Files.isRegularFile(d.resolve("train-images-idx3-ubyte")));
    }
}
