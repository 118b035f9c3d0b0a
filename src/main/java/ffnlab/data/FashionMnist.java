package ffnlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017), the chapter's Example 5: 60000 training and 10000 test
 * images of 28 x 28 grey pixels in 10 classes, from the four official IDX files (gzip or raw). The files are
 * never committed; they are looked for, in order, in the data.dir / FFNLAB_DATA folder, {@code data/fashion-mnist/},
 * {@code /usr/share/datasets/fashion-mnist/} (Debian's dataset-fashion-mnist), and finally downloaded from the
 * official host into {@code data/fashion-mnist/}. The SHA-256 of each file's uncompressed content is verified,
 * so re-compressed copies (Debian's) are accepted and damaged ones are not.
 */
public final class FashionMnist {
    private static final Logger LOG = LogManager.getLogger();
    public static final String NAME = "fashion-mnist";
    public static final int SIDE = 28;
    public static final int TRAIN_ROWS = 60000;
    public static final int TEST_ROWS = 10000;
    /** Debian's package dataset-fashion-mnist installs the files here. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The official class names, index 0..9. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** SHA-256 of the uncompressed IDX content (SOURCES.md of the shared data). */
    static final java.util.Map<String, String> CONTENT_SHA256 = java.util.Map.of(
            TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private FashionMnist() {
    }

    /**
     * Both splits as bytes, as in the files.
     *
     * @param sha256 SHA-256 over the four content hashes (train images, train labels, test images, test labels),
     *               one per line
     */
    public record Raw(Path dir, IdxReader.Images trainImages, IdxReader.Labels trainLabels, IdxReader.Images testImages,
                      IdxReader.Labels testLabels, String sha256) {
    }

    /** The folder holding the four files: the search order of the class comment. */
    public static Path locate(DataDirectories dirs, Path systemDir, FashionMnistDownload download) {
        List<Path> candidates = new ArrayList<>(dirs.candidates(NAME));
        candidates.add(systemDir);
        for (Path dir : candidates) {
            if (FILES.stream().allMatch(f -> file(dir, f) != null)) {
                return dir;
            }
        }
        Path target = dirs.local().resolve(NAME);
        String reason;
        try {
            download.download(target);
            if (FILES.stream().allMatch(f -> file(target, f) != null)) {
                return target;
            }
            reason = "the download left files missing";
        } catch (IOException e) {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        throw DataException.ofFile(target, "Fashion-MNIST not found; expected the four files " + String.join(".gz, ", FILES)
                + ".gz in one of: " + dirs.describe(NAME) + ", " + systemDir + " (Debian package dataset-fashion-mnist)"
                + "; the download from the official host failed (" + reason + "). Copy the files into one of these folders.");
    }

    /** {@code name.gz} or {@code name} in {@code dir}, whichever exists, or null. */
    static Path file(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(name);
        return Files.isRegularFile(raw) ? raw : null;
    }

    /** Reads and verifies the four files; the two image files are read in parallel. */
    public static Raw read(Path dir) {
        long start = System.nanoTime();
        CompletableFuture<IdxReader.Images> train = CompletableFuture.supplyAsync(
                () -> verified(IdxReader.images(file(dir, TRAIN_IMAGES), TRAIN_ROWS, SIDE, SIDE), dir, TRAIN_IMAGES));
        IdxReader.Images testImages;
        try {
            testImages = verified(IdxReader.images(file(dir, TEST_IMAGES), TEST_ROWS, SIDE, SIDE), dir, TEST_IMAGES);
        } catch (RuntimeException e) {
            train.exceptionally(x -> null).join();
            throw e;
        }
        IdxReader.Labels trainLabels = verified(IdxReader.labels(file(dir, TRAIN_LABELS), TRAIN_ROWS, CLASS_NAMES.size()), dir, TRAIN_LABELS);
        IdxReader.Labels testLabels = verified(IdxReader.labels(file(dir, TEST_LABELS), TEST_ROWS, CLASS_NAMES.size()), dir, TEST_LABELS);
        IdxReader.Images trainImages;
        try {
            trainImages = train.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        String sha = Sha256.ofText(String.join("\n", trainImages.sha256(), trainLabels.sha256(), testImages.sha256(), testLabels.sha256()));
        LOG.debug("fashion-mnist read from {} in {} ms", dir, (System.nanoTime() - start) / 1_000_000);
        return new Raw(dir, trainImages, trainLabels, testImages, testLabels, sha);
    }

    private static <T> T verified(T idx, Path dir, String name) {
        String actual = idx instanceof IdxReader.Images i ? i.sha256() : ((IdxReader.Labels) idx).sha256();
        Sha256.verify(file(dir, name), actual, CONTENT_SHA256.get(name), "SHA-256 of the uncompressed content, fashion-mnist SOURCES.md");
        return idx;
    }

    /**
     * The official split as examples: pixels / 255 (the chapter's [0, 1]), then the request's input scaling
     * fitted on the (limited) training rows; labels 0..9 with {@link #CLASS_NAMES}.
     */
    public static PreparedData prepare(Raw raw, DataRequest request) {
        int trainRows = limit(TRAIN_ROWS, request.trainLimit());
        int testRows = limit(TEST_ROWS, request.testLimit());
        int n = SIDE * SIDE;
        // the two conversions run side by side: allocating and first touching 220 MB dominates this step
        CompletableFuture<float[]> testPixels = CompletableFuture.supplyAsync(() -> pixels(raw.testImages().pixels(), testRows * n));
        float[] trainX = pixels(raw.trainImages().pixels(), trainRows * n);
        float[] testX = testPixels.join();
        ColumnScaling scaling = ColumnScaling.fit(request.inputScaling().kind(), trainX, trainRows, n);
        scaling.applyInPlace(trainX, trainRows);
        scaling.applyInPlace(testX, testRows);
        Examples train = Examples.classification(trainRows, n, trainX, CLASS_NAMES.size(), labels(raw.trainLabels().labels(), trainRows));
        Examples test = Examples.classification(testRows, n, testX, CLASS_NAMES.size(), labels(raw.testLabels().labels(), testRows));
        return new PreparedData(NAME, Task.CLASSIFICATION, train, test, raw.sha256(), featureNames(), CLASS_NAMES,
                new double[0], new double[0]);
    }

    /** Input names "pixel_RR_CC" (row, column, zero-padded so that name order is pixel order). */
    public static List<String> featureNames() {
        List<String> names = new ArrayList<>(SIDE * SIDE);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                names.add(String.format(java.util.Locale.ROOT, "pixel_%02d_%02d", r, c));
            }
        }
        return names;
    }

    private static int limit(int rows, int limit) {
        return limit == 0 ? rows : Math.min(rows, limit);
    }

    /** x = byte / 255 for the first {@code count} bytes, through a 256-entry table. */
    static float[] pixels(byte[] bytes, int count) {
        float[] table = new float[256];
        for (int i = 0; i < 256; i++) {
            table[i] = i / 255f;
        }
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = table[bytes[i] & 0xff];
        }
        return x;
    }

    private static int[] labels(byte[] bytes, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xff;
        }
        return labels;
    }
}
