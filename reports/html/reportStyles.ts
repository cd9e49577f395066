/** The report's whole stylesheet, inlined: readable without colour, narrow windows, print to PDF. */
export const REPORT_CSS = `
:root{--fg:#1c1e21;--muted:#5d6470;--line:#d6d9de;--bg:#fff;--soft:#f5f6f8;--pass:#116329;--pass-bg:#dafbe1;--fail:#a40e26;--fail-bg:#ffebe9;--warn:#7d4e00;--warn-bg:#fff8c5;--skip:#57606a;--skip-bg:#eaeef2;--accent:#2f5fa7}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line)}
header.top .topbar{max-width:1280px;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
header.top h1{font-size:1.05rem;margin:0 1rem 0 0}
nav a{color:var(--accent);text-decoration:none;margin-right:.8rem;white-space:nowrap}
nav a:hover,nav a:focus{text-decoration:underline}
main{max-width:1280px;margin:0 auto;padding:1rem}
section{margin:0 0 2rem;scroll-margin-top:3.5rem}
#coverage,#queries,#scenarios,#seed,#schema,#environment{content-visibility:auto;contain-intrinsic-size:auto 1200px}
h2{font-size:1.3rem;margin:1.5rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .5rem}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.88em}
pre{background:var(--soft);padding:.6rem;overflow-x:auto;white-space:pre;border:1px solid var(--line);max-height:32rem}
.muted{color:var(--muted)}
.lead{margin:.2rem 0 .8rem}
.empty{color:var(--muted);font-style:italic;border-left:3px solid var(--line);padding-left:.6rem}
.verdict{border:2px solid;border-left-width:10px;padding:.8rem 1rem;margin:1rem 0 1.5rem;border-radius:4px}
.verdict p{margin:.3rem 0}
.verdict-word{font-size:1.7rem;font-weight:800;letter-spacing:.02em}
.v-ready{border-color:var(--pass);background:var(--pass-bg)}
.v-ready .verdict-word{color:var(--pass)}
.v-not-ready{border-color:var(--fail);background:var(--fail-bg)}
.v-not-ready .verdict-word{color:var(--fail)}
.v-incomplete{border-color:#9a6700;background:var(--warn-bg)}
.v-incomplete .verdict-word{color:var(--warn)}
.reasons{margin:.3rem 0 .3rem 1.2rem;padding:0}
.stand-in{border:1px dashed #9a6700;background:var(--warn-bg);padding:.3rem .6rem}
.badge{display:inline-block;padding:0 .4em;border-radius:3px;border:1px solid;font-size:.85em;font-weight:600;white-space:nowrap;line-height:1.5}
.b-pass,.b-improvement{color:var(--pass);background:var(--pass-bg)}
.b-fail,.b-regression{color:var(--fail);background:var(--fail-bg)}
.b-warn{color:var(--warn);background:var(--warn-bg)}
.b-skip,.b-not-run{color:var(--skip);background:var(--skip-bg);font-weight:500}
.b-manual{color:#3b4a63;background:#eef2f8;font-weight:500}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-weight:600;white-space:nowrap;border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.over{color:var(--fail);font-weight:700}
tr.r-fail>th:first-child{box-shadow:inset 4px 0 var(--fail)}
.budgets th[scope=row]{font-weight:600}
ul.tight{margin:0;padding-left:1.1rem}
tr.group th{background:var(--soft);border-top:2px solid var(--line);font-weight:600}
tr.manual td{color:var(--muted);font-size:.95em}
@media (min-width:701px){.coverage td:nth-child(2){width:38%}}
table.evidence{font-size:.9em;margin:.3rem 0}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.4rem 0 .6rem}
.controls input,.controls select{font:inherit;padding:.2rem .4rem;border:1px solid var(--line);border-radius:3px}
.controls input{min-width:14rem}
table.queries th button{all:unset;cursor:pointer;font-weight:600}
table.queries th button:focus-visible{outline:2px solid var(--accent)}
th[aria-sort=ascending] .arrow::after{content:" ▲"}
th[aria-sort=descending] .arrow::after{content:" ▼"}
table.queries tbody{border-bottom:1px solid var(--line)}
table.queries tbody td,table.queries tbody th{border-bottom:0}
table.queries tr.more td{padding-top:0}
.qname{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-weight:600;font-size:.9em;overflow-wrap:anywhere;min-width:9rem}
details summary{cursor:pointer;color:var(--accent);font-size:.9em}
pre.plan{font-size:.8em}
svg.spark{display:block}
.spark-bars rect{fill:#5b7db1}
.spark-p95{stroke:#111;stroke-width:1.4}
.spark-budget{stroke:var(--fail);stroke-width:1.2;stroke-dasharray:2 2}
svg.spark-axis{display:block;margin-top:.2rem}
svg.spark-axis line{stroke:var(--muted);stroke-width:1}
svg.spark-axis text{font-size:8px;fill:var(--muted);font-weight:400;font-family:system-ui,"DejaVu Sans",sans-serif}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:.2rem 1.5rem;margin:.5rem 0}
dl.facts div{display:grid;grid-template-columns:9.5rem 1fr;gap:.5rem;border-bottom:1px dotted var(--line);padding:.15rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;word-break:break-word}
article.scenario{border:1px solid var(--line);border-radius:4px;padding:.4rem 1rem .8rem;margin:0 0 1rem}
article.scenario.r-fail{border-left:6px solid var(--fail)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:.8rem 1.2rem}
figure{margin:0}
figcaption{font-size:.85em;color:var(--muted)}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font-size:12px;fill:var(--muted);font-family:system-ui,"DejaVu Sans",sans-serif}
svg.chart .grid{stroke:#e3e6ea}
svg.chart .series{fill:none;stroke:var(--accent);stroke-width:2}
svg.chart .series.alt{stroke-width:1;stroke-dasharray:3 2;opacity:.7}
svg.chart .series.alt-1{stroke-dasharray:6 2}
svg.chart .legend{font-size:10px;fill:var(--muted)}
svg.chart .dots circle{fill:var(--accent)}
svg.forecast{display:block}
svg.forecast .fc-band{fill:#5b7db1;opacity:.18}
svg.forecast .fc-fit{fill:none;stroke:var(--accent);stroke-width:1.5}
svg.forecast .fc-points circle{fill:#111}
svg.forecast .fc-budget{stroke:var(--fail);stroke-width:1.2;stroke-dasharray:4 3}
svg.chart .threshold{stroke:var(--fail);stroke-width:1.5;stroke-dasharray:6 4}
svg.chart text.threshold-label{fill:var(--fail);font-weight:600}
.bar-cell{width:30%;min-width:4rem}
.bar{display:block;height:.7em;margin-top:.35em;background:#9db4d8}
footer{max-width:1280px;margin:0 auto;padding:1rem;color:var(--muted);font-size:.85em;border-top:1px solid var(--line)}
@media (max-width:700px){
body{font-size:14px}
header.top{position:static}
table.cards thead{display:none}
table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th{display:block;width:auto}
table.cards tr{border-bottom:1px solid var(--line);padding:.3rem 0}
table.cards td,table.cards th{border:0;padding:.1rem .4rem}
table.cards td.num{text-align:left}
table.cards td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-weight:400}
tr.r-fail>th:first-child{box-shadow:none}
table.cards tr.r-fail{border-left:4px solid var(--fail)}
main{padding:.6rem}
dl.facts{grid-template-columns:1fr}
dl.facts div{grid-template-columns:8rem 1fr}
.verdict-word{font-size:1.35rem}
.controls input{min-width:0;width:100%}
.controls label{flex:1 1 100%}
}
@media print{
@page{margin:12mm}
body{font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
header.top{position:static}
nav,.controls{display:none}
main{max-width:none;padding:0}
.scroll{overflow:visible}
table{font-size:8.5pt}
tbody,tr,figure,article.scenario,.verdict{break-inside:avoid}
h2,h3{break-after:avoid}
pre{max-height:none;white-space:pre-wrap}
a{color:inherit}
}
`;
