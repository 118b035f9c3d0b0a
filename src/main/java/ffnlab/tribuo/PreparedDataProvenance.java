package ffnlab.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.provenance.DataSourceProvenance;

/**
 * Where a Tribuo dataset built from {@link ffnlab.data.PreparedData} came from: the dataset's name, which split,
 * how many rows, and the SHA-256 of the source file(s) (under Tribuo's own {@value #RESOURCE_HASH} key), so a
 * model's provenance names the exact data it was trained on.
 */
public final class PreparedDataProvenance implements DataSourceProvenance {
    public static final String NAME = "name";
    public static final String SPLIT = "split";
    public static final String ROWS = "rows";

    private final StringProvenance name;
    private final StringProvenance split;
    private final IntProvenance rows;
    private final StringProvenance sha256;

    public PreparedDataProvenance(String name, String split, int rows, String sha256) {
        this.name = new StringProvenance(NAME, name);
        this.split = new StringProvenance(SPLIT, split);
        this.rows = new IntProvenance(ROWS, rows);
        this.sha256 = new StringProvenance(RESOURCE_HASH, sha256);
    }

    /** For OLCUT's unmarshalling. */
    public PreparedDataProvenance(Map<String, Provenance> map) {
        this(((StringProvenance) map.get(NAME)).getValue(), ((StringProvenance) map.get(SPLIT)).getValue(),
                ((IntProvenance) map.get(ROWS)).getValue(), ((StringProvenance) map.get(RESOURCE_HASH)).getValue());
    }

    public String sha256() {
        return sha256.getValue();
    }

    @Override
    public String getClassName() {
        return PreparedDataProvenance.class.getName();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> list = new ArrayList<>();
        list.add(new Pair<>(NAME, name));
        list.add(new Pair<>(SPLIT, split));
        list.add(new Pair<>(ROWS, rows));
        list.add(new Pair<>(RESOURCE_HASH, sha256));
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedDataProvenance p && name.equals(p.name) && split.equals(p.split) && rows.equals(p.rows)
                && sha256.equals(p.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, split, rows, sha256);
    }

    @Override
    public String toString() {
        return generateString("PreparedData");
    }
}
