package ffnlab.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The last resort of the Fashion-MNIST search: fetch the four official gzip files into a folder, each to a
 * temporary name, verified against its published SHA-256, then renamed, so a failed download leaves nothing
 * that looks complete. Switched off with {@code -Dffnlab.download=false}.
 */
@FunctionalInterface
public interface FashionMnistDownload {
    Logger LOG = LogManager.getLogger();

    /** The official release (Zalando Research). */
    String OFFICIAL_BASE = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    /** SHA-256 of the official .gz files (data/fashion-mnist SOURCES.md). */
    Map<String, String> GZIP_SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5");

    /**
     * Downloads the four files into {@code target}.
     *
     * @throws IOException with a short reason when anything fails (no network, refused, checksum)
     */
    void download(Path target) throws IOException;

    /** Never downloads: the reason says so. */
    static FashionMnistDownload disabled(String reason) {
        return target -> {
            throw new IOException(reason);
        };
    }

    /** The official host over HTTP, or {@link #disabled} when {@code -Dffnlab.download=false}. */
    static FashionMnistDownload official() {
        if ("false".equalsIgnoreCase(System.getProperty("ffnlab.download", "true"))) {
            return disabled("download switched off by -Dffnlab.download=false");
        }
        return target -> {
            Files.createDirectories(target);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            try {
                for (Map.Entry<String, String> file : GZIP_SHA256.entrySet()) {
                    Path done = target.resolve(file.getKey());
                    if (Files.isRegularFile(done)) {
                        continue;
                    }
                    Path part = target.resolve(file.getKey() + ".part");
                    LOG.info("downloading {} into {}", file.getKey(), target);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(OFFICIAL_BASE + file.getKey()))
                            .timeout(Duration.ofMinutes(5)).GET().build();
                    HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(part));
                    if (response.statusCode() != 200) {
                        Files.deleteIfExists(part);
                        throw new IOException(file.getKey() + ": HTTP " + response.statusCode());
                    }
                    String sha = Sha256.ofFile(part);
                    if (!sha.equals(file.getValue())) {
                        Files.deleteIfExists(part);
                        throw new IOException(file.getKey() + ": SHA-256 " + sha + ", expected " + file.getValue());
                    }
                    Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IOException e) {
                throw new IOException(OFFICIAL_BASE + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ")), e);
            } finally {
                client.close();
                try (var left = Files.list(target)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(target);
                    }
                }
            }
        };
    }
}
