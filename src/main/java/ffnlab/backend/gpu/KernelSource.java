package ffnlab.backend.gpu;

import ffnlab.nn.Activation;
import ffnlab.nn.Loss;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The CUDA C source of ffnlab's kernels (the classpath resource {@code kernels.cu} beside this class), the
 * NVRTC options it is compiled with for a device, and the codes its kernels use for activations and losses.
 *
 * <p>Compilation targets the device's own virtual architecture ({@code compute_XY}); the driver turns the
 * PTX into machine code when the module is loaded. {@code --fmad=false} keeps every multiply and add
 * separately rounded, as Java's float arithmetic is, so the element-wise kernels match the reference backend.
 */
final class KernelSource {
    static final String RESOURCE = "kernels.cu";

    /** The kernels of {@code kernels.cu}, each with its number of parameters. */
    enum Kernel {
        GATHER_BATCH("gather_batch", 11),
        BIAS_ACTIVATION("bias_activation", 6),
        ACTIVATION_BACKWARD("activation_backward", 4),
        OUTPUT_LAYER("output_layer", 16),
        SGD_STEP("sgd_step", 4),
        MOMENTUM_STEP("momentum_step", 7),
        ADAM_STEP("adam_step", 10),
        ADVANCE("advance", 3),
        SUM_ROWS("sum_rows", 4);

        final String symbol;
        final int parameters;

        Kernel(String symbol, int parameters) {
            this.symbol = symbol;
            this.parameters = parameters;
        }
    }

    private final String text;

    private KernelSource(String text) {
        this.text = text;
    }

    /** Reads the kernels from the classpath. */
    static KernelSource load() {
        try (InputStream in = KernelSource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource ffnlab/backend/gpu/" + RESOURCE + " is missing");
            }
            return new KernelSource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading ffnlab/backend/gpu/" + RESOURCE, e);
        }
    }

    String text() {
        return text;
    }

    /** NVRTC options for a device of compute capability major.minor. */
    static List<String> options(int major, int minor) {
        if (major < 5 || minor < 0) {
            throw new IllegalArgumentException("compute capability " + major + "." + minor + " is not supported (5.0 or newer)");
        }
        return List.of("--gpu-architecture=compute_" + major + minor, "--fmad=false");
    }

    /**
     * The cache key of the PTX: SHA-256 over the source, the options and the compiler's version, so any change
     * to one of them compiles afresh.
     */
    String cacheKey(List<String> options, String compilerVersion) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(text.getBytes(StandardCharsets.UTF_8));
            for (String o : options) {
                md.update((byte) 0);
                md.update(o.getBytes(StandardCharsets.UTF_8));
            }
            md.update((byte) 0);
            md.update(compilerVersion.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernels' activation code (kernels.cu's ACT_*). */
    static int activationCode(Activation f) {
        return switch (f) {
            case SIGMOID -> 0;
            case TANH -> 1;
            case RELU -> 2;
            case LINEAR -> 3;
            case SOFTMAX -> 4;
        };
    }

    /** The kernels' loss code (kernels.cu's LOSS_*). */
    static int lossCode(Loss loss) {
        return switch (loss) {
            case SQUARED_ERROR -> 0;
            case CROSS_ENTROPY -> 1;
            case DOUBLE_SOFTMAX_CROSS_ENTROPY -> 2;
        };
    }
}
