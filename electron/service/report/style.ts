/**
 * The report's stylesheet: system fonts only, readable on screen, and a print stylesheet (A4,
 * margins, each section on a new page, charts never split) so the browser's print or
 * Electron's printToPDF gives a clean PDF.
 */
export const REPORT_CSS = `
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Yu Gothic UI",Meiryo,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2733;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.25rem}
h2{font-size:1.25rem;border-bottom:2px solid #c9d2dc;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1.25rem}
td,th{border:1px solid #c9d2dc;padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th,table.facts th{background:#eef2f6;font-weight:600}
p.note{color:#4a5563;font-size:.92rem}
p.verdict{font-weight:600}
nav ol{columns:2}
figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.95rem;font-weight:600;margin-bottom:.25rem}
details.chart-data summary{cursor:pointer;color:#4a5563;font-size:.9rem}
.pending{color:#4a5563;font-style:italic}
.chart-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:.5rem 1rem}
.chart-grid figure{margin:.25rem 0}
@page{size:A4;margin:16mm 14mm}
@media print{
  body{margin:0;max-width:none;padding:0;font-size:10.5pt}
  nav{display:none}
  section{break-before:page;page-break-before:always}
  section:first-of-type{break-before:auto;page-break-before:auto}
  h2{break-after:avoid;page-break-after:avoid}
  table,tr{break-inside:avoid;page-break-inside:avoid}
  details.chart-data{display:none}
  a{color:inherit;text-decoration:none}
}
`;
