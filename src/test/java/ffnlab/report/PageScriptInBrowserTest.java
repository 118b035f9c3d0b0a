package ffnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link PageScript} in headless Chromium on a small table and reads the row order back from the DOM. */
class PageScriptInBrowserTest {
    @TempDir
    Path tmp;

    /** After the page script, a driver clicks headers and types a filter, writing each outcome into the page. */
    private static final String DRIVER = """
            <script>
            function order(){return Array.from(document.querySelectorAll('#t tbody tr')).filter(function(r){return !r.hidden;})
              .map(function(r){return r.cells[0].textContent;}).join(',');}
            var h=document.querySelectorAll('#t th'),out=[];
            h[1].click();out.push('num-asc='+order());
            h[1].click();out.push('num-desc='+order());
            h[0].click();out.push('text-asc='+order());
            var box=document.querySelector('input.ffn-filter');box.value='de';box.dispatchEvent(new Event('input'));
            out.push('filter='+order());
            document.getElementById('out').textContent=out.join(';');
            </script>""";

    @Test
    void headersSortNumbersNumericallyAndTextAlphabeticallyAndTheBoxFilters() throws Exception {
        Chromium chromium = Chromium.find(tmp).orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed");
        Path page = tmp.resolve("t.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><table id=\"t\" class=\"sortable\"><thead><tr><th>name</th>"
                + "<th>error</th></tr></thead><tbody>"
                + "<tr><td>width 16</td><td data-sort=\"0.25\">0.250 ± 0.010</td></tr>"
                + "<tr><td>width 4</td><td>10.5 ± 2</td></tr>"
                + "<tr><td>depth 2</td><td>n/a</td></tr>"
                + "<tr><td>width 128</td><td>9</td></tr>"
                + "</tbody></table><p id=\"out\"></p>" + PageScript.element() + DRIVER + "</body></html>");
        String dom = chromium.dumpDom(page).dom();
        Matcher m = Pattern.compile("<p id=\"out\">([^<]*)</p>").matcher(dom);
        Assumptions.assumeTrue(m.find(), "the browser returned no DOM");
        assertEquals("num-asc=width 16,width 128,width 4,depth 2;"
                + "num-desc=depth 2,width 4,width 128,width 16;"
                + "text-asc=depth 2,width 4,width 16,width 128;"
                + "filter=depth 2", m.group(1));
    }
}
