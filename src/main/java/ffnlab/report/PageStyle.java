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
            .running{background:#fff3cd;border-left:5px solid #b7791f;padding:8px 14px;font-weight:600}
            table{border-collapse:collapse;background:#fff;font-size:.88em;box-shadow:0 1px 2px #0001}
            th,td{padding:4px 8px;border-bottom:1px solid #e4e7ec;text-align:right;white-space:nowrap}
            td.text{white-space:normal;overflow-wrap:anywhere} table.wide td.text{white-space:nowrap;overflow-wrap:normal} table.wide td.files{white-space:normal;min-width:16em}
            th{background:#eef1f5;text-align:center} td.text{text-align:left}
            tr.optimum td{background:#e6f4ea;font-weight:600} tr.overlaps td{background:#f3faf5}
            .scroll{overflow-x:auto;max-width:100%;background:linear-gradient(to right,#fff 30%,#fff0) left/40px 100% no-repeat local,linear-gradient(to left,#fff 30%,#fff0) right/40px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,#0003,#0000) left/12px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,#0003,#0000) right/12px 100% no-repeat scroll}
            .scroll table{box-shadow:none;background:transparent}
            table.wide{font-size:.8em} table.wide th{white-space:normal;min-width:3.5em;max-width:8em;vertical-align:bottom}
            table.wide th:first-child,table.wide td:first-child{position:sticky;left:0;z-index:1;background:#fff;box-shadow:1px 0 0 #d8dce3}
            table.wide th:first-child{background:#eef1f5} table.wide tr.optimum td:first-child{background:#e6f4ea} table.wide tr.overlaps td:first-child{background:#f3faf5}
            th.ffn-sort{cursor:pointer} th.ffn-sort::after{content:" \\2195";color:#98a2b3;font-size:.85em}
            th[aria-sort=ascending]::after{content:" \\25B2";color:#1d2330} th[aria-sort=descending]::after{content:" \\25BC";color:#1d2330}
            input.ffn-filter{display:block;margin:.3em 0;padding:3px 6px;font:inherit;font-size:.88em;width:16em;border:1px solid #c5cbd5;border-radius:3px}
            .ffn-pt{cursor:crosshair} .ffn-pt:hover{fill:#0002;stroke:#1d2330;stroke-width:1.5}
            .ffn-tip{position:fixed;z-index:10;max-width:28em;padding:4px 8px;background:#1d2330;color:#fff;font-size:.82em;border-radius:3px;pointer-events:none;white-space:pre-line}
            .note{color:#566070;font-size:.9em}
            table.index{font-size:.82em} table.index td.text{min-width:5em;max-width:22em} table.index td:first-child{white-space:nowrap} table.index td.date{min-width:8em} table.index td.verdict{min-width:13em} main.wide{max-width:1400px}
            .profile{background:#fff3cd;color:#7a4b00;border-radius:3px;padding:0 5px;font-weight:600}
            pre{background:#fff;padding:10px;overflow-x:auto;font-size:.85em;box-shadow:0 1px 2px #0001}
            a{color:#0061a0}
            """;
}
