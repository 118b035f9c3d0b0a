package ffnlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ExecutionException;

/**
 * The one entry point for data: {@link #load(DataRequest)} returns the prepared dataset for a request,
 * memoised per request, so that the many trials of a sweep share ONE copy of the data (never a copy per
 * trial). Thread-safe: concurrent calls for the same request wait for one load; a failed load is not
 * remembered, so a fixed file can be retried. Fashion-MNIST's raw bytes are also shared between requests
 * that differ only in scaling or limits.
 */
public final class Datasets {
    private static final ConcurrentMap<DataRequest, FutureTask<PreparedData>> PREPARED = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Path, FutureTask<FashionMnist.Raw>> FASHION = new ConcurrentHashMap<>();

    private Datasets() {
    }

    /** The known sources, for messages and validation. */
    public static final List<String> SOURCES = List.of(CaliforniaHousing.NAME, FashionMnist.NAME, "toy-mapping", "csv");

    /**
     * The prepared data of {@code request}, loaded once per distinct request.
     *
     * @throws DataException with the user's one-line message when the data is missing or bad
     * @throws IllegalArgumentException when the request itself is inconsistent (unknown source, ...)
     */
    public static PreparedData load(DataRequest request) {
        DataRequest key = request.csvFile() == null ? request
                : new DataRequest(request.source(), request.csvFile().toAbsolutePath().normalize(), request.targetColumns(),
                        request.task(), request.testFraction(), request.splitSeed(), request.inputScaling(),
                        request.outputScaling(), request.trainLimit(), request.testLimit());
        return memoised(PREPARED, key, () -> prepare(request, DataDirectories.fromEnvironment()));
    }

    /** Loads without memoising, from the given folders (tests, tools). */
    public static PreparedData prepare(DataRequest request, DataDirectories dirs) {
        return switch (request.source()) {
            case CaliforniaHousing.NAME -> CaliforniaHousing.load(request, dirs);
            case FashionMnist.NAME -> {
                Path dir = FashionMnist.locate(dirs, FashionMnist.SYSTEM_DIR, FashionMnistDownload.official());
                FashionMnist.Raw raw = memoised(FASHION, dir.toAbsolutePath().normalize(), () -> FashionMnist.read(dir));
                yield FashionMnist.prepare(raw, request);
            }
            case "toy-mapping" -> toyMapping(request);
            case "csv" -> CsvDataset.load(request);
            default -> throw new IllegalArgumentException("unknown data source '" + request.source() + "'; expected one of "
                    + String.join(", ", SOURCES));
        };
    }

    /** The chapter's Example 2: eight training patterns, no test set; scalings are applied when asked for. */
    private static PreparedData toyMapping(DataRequest request) {
        Examples all = ToyMapping.examples();
        float[] x = all.x().clone();
        float[] d = all.targets().clone();
        ColumnScaling in = ColumnScaling.fit(request.inputScaling().kind(), x, all.rows(), all.features());
        in.applyInPlace(x, all.rows());
        ColumnScaling out = ColumnScaling.fit(request.outputScaling().kind(), d, all.rows(), all.outputs());
        out.applyInPlace(d, all.rows());
        Examples train = Examples.regression(all.rows(), all.features(), x, all.outputs(), d);
        StringBuilder content = new StringBuilder();
        for (float v : all.x()) {
            content.append(Float.floatToRawIntBits(v)).append(',');
        }
        for (float v : all.targets()) {
            content.append(Float.floatToRawIntBits(v)).append(',');
        }
        return new PreparedData("toy-mapping", Task.REGRESSION, train, null, Sha256.ofText(content.toString()),
                List.of("x1", "x2"), List.of("d1", "d2"), out.scale(), out.offset());
    }

    private static <K, V> V memoised(ConcurrentMap<K, FutureTask<V>> cache, K key, java.util.concurrent.Callable<V> loader) {
        FutureTask<V> task = new FutureTask<>(loader);
        FutureTask<V> existing = cache.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + key, e);
        } catch (ExecutionException e) {
            cache.remove(key, existing);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Forgets every memoised dataset (frees memory between unrelated experiments). */
    public static void forget() {
        PREPARED.clear();
        FASHION.clear();
    }
}
