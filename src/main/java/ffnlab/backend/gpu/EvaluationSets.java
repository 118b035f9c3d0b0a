package ffnlab.backend.gpu;

import ffnlab.data.Examples;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example sets an engine evaluates, uploaded once each and recognised by identity (the same
 * {@link Examples} object is the same data: the loop evaluates the same test set after every epoch), plus
 * the per-row loss and hit buffers evaluation writes. The training set is never uploaded twice; at most
 * {@value #KEPT} other sets stay on the device, the least recently uploaded one is freed first.
 */
final class EvaluationSets {
    static final int KEPT = 4;

    private final DeviceStream s;
    private final Map<Examples, DeviceData> uploads = new IdentityHashMap<>();
    private final LinkedHashMap<Examples, Boolean> age = new LinkedHashMap<>();
    private long lossRows;
    private long correctRows;
    private int capacity;

    EvaluationSets(DeviceStream s, Examples train, DeviceData trainData) {
        this.s = s;
        uploads.put(train, trainData);
    }

    /** The device copy of {@code data}, uploading it on first use. */
    DeviceData get(Examples data) {
        DeviceData d = uploads.get(data);
        if (d != null) {
            return d;
        }
        if (age.size() >= KEPT) {
            Iterator<Examples> oldest = age.keySet().iterator();
            Examples evicted = oldest.next();
            oldest.remove();
            uploads.remove(evicted).free(s, evicted);
        }
        d = DeviceData.upload(s, data, "evaluation set");
        uploads.put(data, d);
        age.put(data, Boolean.TRUE);
        return d;
    }

    /** Number of sets held besides the training set. */
    int held() {
        return age.size();
    }

    /** A buffer of at least {@code rows} doubles for per-row losses. */
    long lossRows(int rows) {
        grow(rows);
        return lossRows;
    }

    /** A buffer of at least {@code rows} ints for per-row arg-max hits. */
    long correctRows(int rows) {
        grow(rows);
        return correctRows;
    }

    private void grow(int rows) {
        if (capacity >= rows) {
            return;
        }
        if (capacity > 0) {
            s.memory.free(lossRows, (long) capacity * Double.BYTES);
            s.memory.free(correctRows, (long) capacity * Integer.BYTES);
        }
        capacity = Math.max(rows, 1024);
        lossRows = s.memory.doubles(capacity, "evaluation losses");
        correctRows = s.memory.ints(capacity, "evaluation hits");
    }
}
