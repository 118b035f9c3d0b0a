package ffnlab.backend.gpu;

import ffnlab.data.Examples;

/**
 * A set of examples uploaded to the device: X (P x n floats) and either D (P x K floats) or the labels
 * (P ints); the absent one is 0.
 */
record DeviceData(int rows, long x, long targets, long labels) {

    /** Uploads {@code data} on the stream's memory; {@code what} names it in an out-of-memory message. */
    static DeviceData upload(DeviceStream s, Examples data, String what) {
        int p = Math.max(data.rows(), 1);
        long x = s.memory.floats((long) p * data.features(), what + " X");
        long targets = 0;
        long labels = 0;
        if (data.rows() > 0) {
            s.upload(data.x(), 0, data.rows() * data.features(), x);
        }
        if (data.isClassification()) {
            labels = s.memory.ints(p, what + " labels");
            if (data.rows() > 0) {
                s.upload(data.labels(), 0, data.rows(), labels);
            }
        } else {
            targets = s.memory.floats((long) p * data.outputs(), what + " D");
            if (data.rows() > 0) {
                s.upload(data.targets(), 0, data.rows() * data.outputs(), targets);
            }
        }
        return new DeviceData(data.rows(), x, targets, labels);
    }

    /** Frees the upload of {@code data}. */
    void free(DeviceStream s, Examples data) {
        long p = Math.max(data.rows(), 1);
        s.memory.free(x, p * data.features() * Float.BYTES);
        if (targets != 0) {
            s.memory.free(targets, p * data.outputs() * Float.BYTES);
        }
        if (labels != 0) {
            s.memory.free(labels, p * Integer.BYTES);
        }
    }
}
