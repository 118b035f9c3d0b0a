package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ffnlab.plot.ConfusionMatrixPlot;
import ffnlab.plot.CurveKeys;
import ffnlab.plot.LearningCurvePlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Chart text as Chromium lays it out: every label is selectable text, and no two labels that are upright or turned a
 * quarter overlap (boxes measured in the page), whatever sans-serif font the browser picks. Skipped where Chromium
 * is not installed.
 */
class ChartTextInBrowserTest {
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);
    /** Measures every label's box after load; boxes sharing more than 4 px² (anti-aliasing slack) clash. */
    private static final String SCRIPT = """
            addEventListener('load', () => {
              const out = [];
              let texts = 0;
              document.querySelectorAll('svg').forEach((svg, s) => {
                const boxes = [];
                svg.querySelectorAll('text').forEach(t => {
                  texts++;
                  const m = t.transform.baseVal.consolidate().matrix;
                  const square = (Math.abs(m.b) < 1e-6 && Math.abs(m.c) < 1e-6) || (Math.abs(m.a) < 1e-6 && Math.abs(m.d) < 1e-6);
                  if (square) boxes.push([t.textContent, t.getBoundingClientRect()]);
                });
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i][1], b = boxes[j][1];
                  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (w > 1 && h > 1 && w * h > 4) out.push('svg ' + s + ': "' + boxes[i][0] + '" over "' + boxes[j][0] + '"');
                }
              });
              const pre = document.createElement('pre');
              pre.id = 'result';
              pre.textContent = 'texts=' + texts + '\\n' + out.join('\\n');
              document.body.appendChild(pre);
            });
            """;

    @TempDir
    Path tmp;

    @Test
    void labelsOfLearningCurvesAndAConfusionMatrixDoNotOverlapInChromium() throws Exception {
        Chromium chromium = Chromium.find(tmp).orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed: the browser test is skipped");
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>" + SCRIPT
                + "</script></head><body>");
        for (Chart<?, ?> chart : List.of(curves(), confusion())) {
            page.append(InlineSvg.of(chart, "plot" + page.length(), "chart"));
        }
        Path html = tmp.resolve("charts.html");
        Files.writeString(html, page.append("</body></html>"));
        Matcher m = RESULT.matcher(chromium.dumpDom(html).dom());
        assertTrue(m.find(), "the script wrote its result");
        String[] lines = m.group(1).strip().split("\n");
        assertTrue(Integer.parseInt(lines[0].substring("texts=".length())) > 60, "the charts' labels are text: " + lines[0]);
        assertEquals(1, lines.length, "overlapping labels:\n" + m.group(1));
    }

    private static Chart<?, ?> curves() {
        List<Integer> widths = List.of(1, 2, 4, 8, 16, 32, 64, 128, 256);
        List<String> names = widths.stream().map(w -> "model.hidden=" + w).toList();
        Table agg = Table.create("agg", StringColumn.create("configuration", names),
                DoubleColumn.create("model.hidden", widths.stream().mapToDouble(Integer::doubleValue).toArray()));
        int[] epochs = new int[names.size()];
        java.util.Arrays.fill(epochs, 60);
        // nine widths over 60 epochs, the width sweep's shape
        return LearningCurvePlot.build(ffnlab.plot.LearningCurveLookTest.curves(names, epochs, 3), CurveKeys.of(agg, List.of("model.hidden"), Map.of(), Set.of()),
                new LearningCurvePlot.Lines("train_mse", "test_mse", "m.s.e. against epochs", "m.s.e.", "scaled m.s.e.", true,
                        ffnlab.analysis.ValidRange.NON_NEGATIVE), Optional.empty());
    }

    private static Chart<?, ?> confusion() {
        List<String> classes = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot");
        StringColumn actual = StringColumn.create("actual");
        StringColumn predicted = StringColumn.create("predicted");
        for (int i = 0; i < 500; i++) {
            actual.append(classes.get(i % 10));
            predicted.append(classes.get(i % 7 == 0 ? (i * 3) % 10 : i % 10));
        }
        return ConfusionMatrixPlot.build(Table.create("p", actual, predicted), classes, "confusion matrix");
    }
}
