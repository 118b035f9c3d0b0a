package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    private static final FashionMnistDownload NO_DOWNLOAD = FashionMnistDownload.disabled("no network in this test");

    private static Path sharedCopy() {
        DataDirectories dirs = DataDirectories.fromEnvironment();
        try {
            return FashionMnist.locate(dirs, FashionMnist.SYSTEM_DIR, NO_DOWNLOAD);
        } catch (DataException e) {
            assumeTrue(false, "Fashion-MNIST not available, test skipped (set FFNLAB_DATA to the shared data root): " + e.getMessage());
            throw e;
        }
    }

    @Test
    void theOfficialSplitScaledToTheUnitInterval() {
        sharedCopy();
        PreparedData data = Datasets.load(DataRequest.fashionMnist());
        assertEquals(60000, data.train().rows());
        assertEquals(10000, data.test().rows());
        assertEquals(784, data.train().features());
        assertEquals(FashionMnist.CLASS_NAMES, data.targetNames());
        assertEquals("pixel_27_27", data.featureNames().get(783));
        int[] counts = new int[10];
        for (int l : data.train().labels()) {
            counts[l]++;
        }
        for (int c : counts) {
            assertEquals(6000, c);
        }
        double sum = 0;
        float max = 0;
        for (float v : data.train().x()) {
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(0.2860, sum / data.train().x().length, 5e-5, "mean pixel in [0, 1] (SOURCES.md)");
        assertEquals(1f, max);
        assertSame(data, Datasets.load(DataRequest.fashionMnist()));
    }

    @Test
    void limitedAndStandardisedRequestsShareTheRawBytes() {
        sharedCopy();
        PreparedData small = Datasets.load(DataRequest.fashionMnist().withScaling(InputScaling.STANDARDISE, OutputScaling.NONE)
                .withLimits(1000, 200));
        assertEquals(1000, small.train().rows());
        assertEquals(200, small.test().rows());
        double[] m = CaliforniaHousingTest.moments(small.train().x(), 1000, 784, 14 * 28 + 14);
        assertEquals(0, m[0], 1e-5);
        assertEquals(1, m[1], 1e-4);
    }

    @Test
    void theOverrideMayHoldTheFilesDirectlyOrInAFashionMnistFolder(@TempDir Path root) throws IOException {
        Path nested = Files.createDirectories(root.resolve("fashion-mnist"));
        for (String f : FashionMnist.FILES) {
            Files.createFile(nested.resolve(f + ".gz"));
        }
        assertEquals(nested, FashionMnist.locate(new DataDirectories(root, root.resolve("data")), root.resolve("sys"), NO_DOWNLOAD));
        assertEquals(nested, FashionMnist.locate(new DataDirectories(nested, root.resolve("data")), root.resolve("sys"), NO_DOWNLOAD));
        // then data/fashion-mnist, then the Debian folder (raw, uncompressed files are accepted too)
        Path sys = Files.createDirectories(root.resolve("sys"));
        for (String f : FashionMnist.FILES) {
            Files.createFile(sys.resolve(f));
        }
        assertEquals(sys, FashionMnist.locate(new DataDirectories(null, root.resolve("data")), sys, NO_DOWNLOAD));
    }

    @Test
    void nothingFoundListsEveryOption(@TempDir Path root) {
        DataDirectories dirs = new DataDirectories(null, root.resolve("data"));
        DataException e = assertThrows(DataException.class, () -> FashionMnist.locate(dirs, root.resolve("sys"), NO_DOWNLOAD));
        assertEquals(root.resolve("data/fashion-mnist") + ": Fashion-MNIST not found; expected the four files train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz in one of:"
                + " -Ddata.dir=DIR or FFNLAB_DATA=DIR (unset), then " + root.resolve("data/fashion-mnist") + ", " + root.resolve("sys")
                + " (Debian package dataset-fashion-mnist); the download from the official host failed (no network in this test)."
                + " Copy the files into one of these folders.", e.getMessage());
    }

    @Test
    void aDamagedFileFailsItsContentChecksum(@TempDir Path root) throws IOException {
        Path shared = sharedCopy();
        for (String f : FashionMnist.FILES) {
            Path source = FashionMnist.file(shared, f);
            Files.copy(source, root.resolve(source.getFileName()));
        }
        // flip one label in the training labels (still a valid IDX file of 60000 labels 0..9)
        Path labels = root.resolve("train-labels-idx1-ubyte.gz");
        byte[] content = IdxReader.labels(labels, 60000, 10).labels();
        content[0] = (byte) ((content[0] + 1) % 10);
        Files.write(labels, IdxReaderTest.gzip(IdxReaderTest.idx(IdxReader.LABELS_MAGIC, new int[] {60000}, content)));
        DataException e = assertThrows(DataException.class, () -> FashionMnist.read(root));
        assertTrue(e.getMessage().startsWith(labels + ": SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", expected bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"
                + " (SHA-256 of the uncompressed content, fashion-mnist SOURCES.md); the file is damaged or not the published one"), e.getMessage());
    }
}
