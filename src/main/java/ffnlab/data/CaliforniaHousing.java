package ffnlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The StatLib California housing data (Pace and Barry, 1997) of the chapter's Examples 3 and 4: 20640 census
 * block groups, 8 inputs, target medianHouseValue in dollars. The file is committed under
 * {@code data/california-housing/} with its SHA-256 in {@code SOURCES.md}; the loader verifies it before
 * use. With test fraction 0.3 the seeded split gives the chapter's 14448 training and 6192 test rows.
 */
public final class CaliforniaHousing {
    /** Folder name under the data root. */
    public static final String NAME = "california-housing";
    /** The data file, comma-separated, no header. */
    public static final String FILE = "cal_housing.data";
    /** SHA-256 of {@link #FILE}, as published in SOURCES.md. */
    public static final String SHA256 = "a2b44dcc7e1c9091b43c4f458b25cbd1f7e8068d08edd26bc4703108d3fa6214";
    /** Rows in the file. */
    public static final int ROWS = 20640;
    /** Column names in file order (cal_housing.domain). */
    public static final List<String> COLUMNS = List.of("longitude", "latitude", "housingMedianAge", "totalRooms",
            "totalBedrooms", "population", "households", "medianIncome", "medianHouseValue");
    /** The chapter's target. */
    public static final String TARGET = "medianHouseValue";

    private CaliforniaHousing() {
    }

    /** The file, found through data.dir / FFNLAB_DATA, then {@code data/california-housing/}. */
    public static Path locate(DataDirectories dirs) {
        return dirs.find(NAME, List.of(FILE)).map(d -> d.resolve(FILE)).orElseThrow(() -> DataException.ofFile(
                dirs.local().resolve(NAME).resolve(FILE), "file not found; expected the StatLib cal_housing.data (committed in the"
                        + " repository; run from the repository root or set -Ddata.dir / FFNLAB_DATA; searched "
                        + dirs.describe(NAME) + ")"));
    }

    /** Reads the file after verifying its SHA-256. */
    public static CsvTable read(Path file, List<String> targets) {
        Sha256.verify(file, Sha256.ofFile(file), SHA256, "data/california-housing/SOURCES.md");
        return CsvTableReader.read(file, COLUMNS, targets, Set.of());
    }

    /** Loads, splits and scales as the request says (regression; default target medianHouseValue). */
    public static PreparedData load(DataRequest request, DataDirectories dirs) {
        if (request.task() == Task.CLASSIFICATION) {
            throw new IllegalArgumentException("california-housing is a regression dataset; its task cannot be classification");
        }
        List<String> targets = request.targetColumns().isEmpty() ? List.of(TARGET) : request.targetColumns();
        CsvTable table = read(locate(dirs), targets);
        return TabularPreparation.prepare(NAME, table, targets, Task.REGRESSION, request, SHA256);
    }
}
