package ffnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static DataRequest request(Path file, List<String> targets, Task task, double testFraction) {
        return new DataRequest("csv", file, targets, task, testFraction, 11, InputScaling.NONE, OutputScaling.NONE, 0, 0);
    }

    private static String message(DataRequest request) {
        return assertThrows(DataException.class, () -> Datasets.load(request)).getMessage();
    }

    @Test
    void regressionWithTheLastColumnAsDefaultTarget() throws IOException {
        Path file = csv("r.csv", "a,b,y\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n");
        PreparedData data = Datasets.load(request(file, List.of(), null, 0.25));
        assertEquals(Task.REGRESSION, data.task());
        assertEquals(List.of("a", "b"), data.featureNames());
        assertEquals(List.of("y"), data.targetNames());
        assertEquals(3, data.train().rows());
        assertEquals(1, data.test().rows());
        float[] x = data.test().x();
        assertEquals(x[0] + 2, data.test().targets()[0]);
        assertEquals(Sha256.ofFile(file), data.sha256());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path file = csv("bom.csv", "\uFEFFa,y\n1,2\n");
        PreparedData data = Datasets.load(request(file, List.of("y"), null, 0));
        assertEquals(List.of("a"), data.featureNames());
    }

    @Test
    void severalTargetsAndNoTestSplit() throws IOException {
        Path file = csv("m.csv", "y1,a,y2\n1,2,3\n4,5,6\n");
        PreparedData data = Datasets.load(request(file, List.of("y2", "y1"), Task.REGRESSION, 0));
        assertEquals(List.of("a"), data.featureNames());
        assertEquals(List.of("y2", "y1"), data.targetNames());
        assertEquals(2, data.train().outputs());
        assertNull(data.test());
    }

    @Test
    void classificationTargetsAreCategories() throws IOException {
        Path file = csv("c.csv", "x1,x2,kind\n0.1,0.2,cat\n0.3,0.4,dog\n0.5,0.6,cat\n0.7,0.8,bird\n");
        PreparedData data = Datasets.load(request(file, List.of("kind"), Task.CLASSIFICATION, 0));
        assertEquals(List.of("bird", "cat", "dog"), data.targetNames());
        assertEquals(3, data.train().outputs());
        assertEquals(0, data.targetScale().length);
        int[] labels = data.train().labels();
        float[] x = data.train().x();
        for (int p = 0; p < 4; p++) {
            String expected = switch (Math.round(x[p * 2] * 10)) {
                case 1, 5 -> "cat";
                case 3 -> "dog";
                default -> "bird";
            };
            assertEquals(expected, data.targetNames().get(labels[p]));
        }
    }

    @Test
    void numericClassNamesSortAsNumbers() {
        assertEquals(List.of("2", "10", "100"), TabularPreparation.classNames(new String[] {"10", "2", "100", "2"}));
    }

    @Test
    void scalingUsesOnlyTheTrainingRows() throws IOException {
        Path file = csv("s.csv", "a,y\n0,0\n10,1\n2,2\n4,3\n6,4\n8,5\n");
        DataRequest r = new DataRequest("csv", file, List.of(), null, 0.5, 4, InputScaling.MIN_MAX, OutputScaling.STANDARDISE, 0, 0);
        PreparedData data = Datasets.load(r);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : data.train().x()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        double[] m = CaliforniaHousingTest.moments(data.train().targets(), 3, 1, 0);
        assertEquals(0, m[0], 1e-6);
        assertEquals(1, m[1], 1e-6);
    }

    @Test
    void blankLinesAreSkippedAndLinesStillCountRight() throws IOException {
        Path file = csv("b.csv", "a,y\n1,2\n\n3,x\n");
        assertEquals(file + ":4: column 'y': expected a number, found 'x'", message(request(file, List.of(), null, 0)));
    }

    @Test
    void nonNumericCell() throws IOException {
        Path file = csv("n.csv", "a,b,y\n1,2,3\n4,five,6\n");
        assertEquals(file + ":3: column 'b': expected a number, found 'five'", message(request(file, List.of(), null, 0)));
    }

    @Test
    void emptyCell() throws IOException {
        Path file = csv("e.csv", "a,y\n1,2\n,3");
        assertEquals(file + ":3: column 'a': expected a number, found an empty cell", message(request(file, List.of(), null, 0)));
    }

    @Test
    void wrongColumnCount() throws IOException {
        Path file = csv("w.csv", "a,b,y\n1,2,3\n4,5\n7,8,9\n");
        assertEquals(file + ":3: expected 3 columns (as the header), found 2", message(request(file, List.of(), null, 0)));
    }

    @Test
    void unknownTargetColumn() throws IOException {
        Path file = csv("u.csv", "a,b,y\n1,2,3\n");
        assertEquals(file + ":1: unknown target column 'price'; expected one of a, b, y",
                message(request(file, List.of("price"), null, 0)));
    }

    @Test
    void emptyFile() throws IOException {
        Path file = csv("empty.csv", "");
        assertEquals(file + ":1: empty file; expected a header line naming the columns, then rows of numbers",
                message(request(file, List.of(), null, 0)));
    }

    @Test
    void headerWithoutRows() throws IOException {
        Path file = csv("h.csv", "a,y\n");
        assertEquals(file + ":2: no data rows; expected rows of 2 comma-separated numbers", message(request(file, List.of(), null, 0)));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.csv");
        assertEquals(file + ": file not found; expected a CSV file", message(request(file, List.of(), null, 0)));
    }

    @Test
    void unbalancedQuote() throws IOException {
        Path file = csv("q.csv", "a,y\n1,2\n\"3,4\n5,6\n7,8\n");
        assertEquals(file + ":3: a quoted cell opens here and is never closed; expected a closing \"",
                message(request(file, List.of(), null, 0)));
        Path header = csv("qh.csv", "a,\"y\n1,2\n");
        assertEquals(header + ":1: a quoted cell opens here and is never closed; expected a closing \"",
                message(request(header, List.of(), null, 0)));
    }

    @Test
    void textAfterAQuotedCellNamesItsLine() throws IOException {
        Path file = csv("after.csv", "a,y\n1,2\n\"3\"x,4\n5,6\n");
        assertEquals(file + ":3: expected a well-formed CSV record (Invalid character between encapsulated token and delimiter)",
                message(request(file, List.of(), null, 0)));
    }

    @Test
    void aColumnNamedTwiceIsRefused() throws IOException {
        Path file = csv("dup.csv", "a,b,a,y\n1,2,3,4\n5,6,7,8\n");
        assertEquals(file + ":1: column 'a' is named twice (columns 1 and 3); expected distinct column names",
                message(request(file, List.of(), null, 0)));
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "a,y\n1,2\n3,4\ncaf\u00e9,5\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(file + ":4: not UTF-8 text (byte 0xe9 at byte offset 15); save the file as UTF-8",
                message(request(file, List.of(), null, 0)));
    }

    @Test
    void aClassificationTargetWithOneClassIsRefused() throws IOException {
        Path file = csv("one.csv", "a,label\n1,cat\n2,cat\n3,cat\n");
        assertEquals(file + ": column 'label' holds one class ('cat') in all 3 rows; a classification task needs at least two",
                message(request(file, List.of("label"), Task.CLASSIFICATION, 0)));
    }

    @Test
    void aSecondLoadOfTheSameRequestSharesTheData() throws IOException {
        Path file = csv("shared.csv", "a,y\n1,2\n3,4\n5,6\n");
        DataRequest r = request(file, List.of(), null, 0.3);
        PreparedData first = Datasets.load(r);
        org.junit.jupiter.api.Assertions.assertSame(first, Datasets.load(r));
        assertArrayEquals(first.train().x(), Datasets.prepare(r, DataDirectories.fromEnvironment()).train().x());
    }
}
