package ffnlab.report;

/** The stylesheet shared by the report pages, inlined so a report folder needs nothing else. */
final class PageStyle {
    private PageStyle() {
    }

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
            main{max-width:1100px;margin:0 auto;padding:20px 28px 60px}
            h1{font-size:1.7em;margin:.4em 0 .1em} h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:1px solid #d8dce3;padding-bottom:.2em}
            .meta{color:#566070;margin:0 0 1em}
            .claims{background:#fff;border-left:5px solid #0072b2;padding:10px 18px;margin:1em 0;box-shadow:0 1px 2px #0001}
            .claims li{margin:.3em 0}
            figure.plot{background:#fff;margin:1em 0;padding:12px;box-shadow:0 1px 2px #0001}
            figure.plot svg{display:block;max-width:100%;height:auto;margin:0 auto}
            figcaption{color:#566070;font-size:.92em;margin-top:.4em}
            .missing{color:#9a3412}
            table{border-collapse:collapse;background:#fff;font-size:.88em;box-shadow:0 1px 2px #0001}
            th,td{padding:4px 8px;border-bottom:1px solid #e4e7ec;text-align:right;white-space:nowrap}
            th{background:#eef1f5;text-align:center} td.text{text-align:left}
            tr.optimum td{background:#e6f4ea;font-weight:600} tr.overlaps td{background:#f3faf5}
            .scroll{overflow-x:auto}
            pre{background:#fff;padding:10px;overflow-x:auto;font-size:.85em;box-shadow:0 1px 2px #0001}
            a{color:#0061a0}
            """;
}
