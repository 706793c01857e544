// The console's one stylesheet, served from /assets/console.css: system fonts, traffic-light colours, phone first.

export const CONSOLE_CSS = `
:root {
  --ink: #1b2733; --muted: #52606d; --line: #dde3ea; --bg: #f3f5f8; --card: #ffffff;
  --navy: #12355b; --navy-2: #1d4a7a; --flag: #c8102e; --focus: #ffbf47;
  --green: #2e7d32; --orange: #f08c00; --red: #c62828; --grey: #cfd6de; --grey-ink: #6b7785;
  --green-bg: #e8f3e9; --orange-bg: #fff3e0; --red-bg: #fdecea; --grey-bg: #eef1f4;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif;
}
a { color: var(--navy-2); }
a:hover { color: var(--navy); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--focus); color: #000; padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; top: 8px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

header.top { background: var(--navy); color: #fff; border-top: 4px solid var(--flag); }
header.top .inner { max-width: 1120px; margin: 0 auto; padding: 10px 16px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; }
.brand { color: #fff; text-decoration: none; display: flex; flex-direction: column; line-height: 1.2; margin-right: auto; }
.brand b { font-size: 20px; letter-spacing: .5px; }
.brand span { font-size: 12px; opacity: .85; }
nav.main { display: flex; gap: 4px; flex-wrap: wrap; align-items: center; }
nav.main a, nav.main button {
  color: #fff; text-decoration: none; padding: 6px 12px; border-radius: 6px; font: inherit; font-size: 15px;
  background: transparent; border: 1px solid transparent; cursor: pointer;
}
nav.main a:hover, nav.main button:hover { background: var(--navy-2); }
nav.main a[aria-current='page'] { background: #fff; color: var(--navy); font-weight: 600; }
nav.main .lang { border-color: rgba(255,255,255,.5); }
nav.main form { margin: 0; }
@media (max-width: 600px) {
  .brand span { display: none; }
  nav.main { width: 100%; flex-wrap: wrap; }
  nav.main a, nav.main button { padding: 6px 10px; font-size: 14px; white-space: nowrap; }
}

main { max-width: 1120px; margin: 0 auto; padding: 16px; }
h1 { font-size: 24px; line-height: 1.25; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 16px 0 8px; }
.muted { color: var(--muted); }
.small { font-size: 14px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; margin: 0 0 16px; }
.grid-2 { display: grid; grid-template-columns: 1fr; gap: 16px; }
@media (min-width: 900px) { .grid-2 { grid-template-columns: 3fr 2fr; } }

.tabs { display: grid; grid-template-columns: repeat(auto-fill, minmax(104px, 160px)); gap: 8px; margin: 0 0 12px; padding: 0; list-style: none; }
.tabs a {
  display: block; padding: 8px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--card);
  text-decoration: none; color: var(--ink);
}
.tabs a b { display: block; font-size: 15px; }
.tabs a span { font-size: 13px; color: var(--muted); }
.tabs a[aria-current='page'] { border-color: var(--navy); box-shadow: inset 0 -3px 0 var(--navy); }

.kpis { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; margin: 12px 0; }
@media (min-width: 700px) { .kpis { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
.kpi { border-radius: 8px; padding: 10px 12px; border: 1px solid var(--line); border-left-width: 6px; background: var(--card); }
.kpi .n { font-size: 28px; font-weight: 700; line-height: 1.1; display: block; }
.kpi .l { font-size: 14px; color: var(--muted); }
.kpi.green { border-left-color: var(--green); } .kpi.orange { border-left-color: var(--orange); }
.kpi.red { border-left-color: var(--red); } .kpi.white { border-left-color: var(--grey); }
.complete { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.complete .pct { font-size: 40px; font-weight: 700; color: var(--navy); line-height: 1; }
.stack { width: 100%; height: 14px; display: block; margin: 8px 0 4px; border-radius: 4px; }

.dot { display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin-right: .35em; vertical-align: baseline; flex: none; }
.dot.green { background: var(--green); } .dot.orange { background: var(--orange); }
.dot.red { background: var(--red); } .dot.white { background: #fff; border: 2px solid var(--grey-ink); }
.chip { display: inline-flex; align-items: center; font-size: 13px; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.chip.green { background: var(--green-bg); color: #1e5a22; } .chip.orange { background: var(--orange-bg); color: #8a4b00; }
.chip.red { background: var(--red-bg); color: #9b1c1c; } .chip.white { background: var(--grey-bg); color: #3d4852; }
.late { color: var(--red); font-weight: 600; white-space: nowrap; }
.pbar { display: inline-block; width: 72px; height: 8px; vertical-align: middle; margin-right: 6px; border-radius: 4px; }

.chart { width: 100%; overflow: hidden; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .narrow { display: none; }
@media (max-width: 600px) { .chart .wide { display: none; } .chart .narrow { display: block; } }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
.btn {
  display: inline-flex; align-items: center; gap: 6px; padding: 8px 14px; border-radius: 8px; font: inherit; font-size: 15px;
  border: 1px solid var(--navy); background: var(--navy); color: #fff; text-decoration: none; cursor: pointer; min-height: 40px;
}
.btn:hover { background: var(--navy-2); color: #fff; }
.btn.secondary { background: #fff; color: var(--navy); }
.btn.secondary:hover { background: #eef3f9; }
.btn[disabled] { opacity: .6; cursor: default; }

table.list { width: 100%; border-collapse: collapse; font-size: 15px; }
table.list th, table.list td { text-align: left; padding: 8px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.list th { font-size: 13px; color: var(--muted); font-weight: 600; background: #f8fafc; }
table.list td.code, table.list td.num { white-space: nowrap; }
table.list tr:last-child td { border-bottom: none; }
@media (max-width: 700px) {
  table.list thead { display: none; }
  table.list, table.list tbody, table.list tr, table.list td { display: block; width: 100%; }
  table.list tr { border-bottom: 1px solid var(--line); padding: 8px 0; }
  table.list tr:last-child { border-bottom: none; }
  table.list td { border: none; padding: 2px 0; }
  table.list td[data-label]::before { content: attr(data-label) ': '; color: var(--muted); font-size: 13px; }
  table.list td.title { font-weight: 600; }
}
ol.changes { list-style: none; padding: 0; margin: 0; }
ol.changes li { padding: 8px 0; border-bottom: 1px solid var(--line); }
ol.changes li:last-child { border-bottom: none; }
ol.changes .when { font-size: 13px; color: var(--muted); }
ol.changes .note { font-size: 14px; color: var(--ink); margin-top: 2px; }
.crumbs { font-size: 14px; margin: 4px 0 8px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0 0; }
dl.facts dt { color: var(--muted); font-size: 14px; }
dl.facts dd { margin: 0; }
article.task { border-top: 1px solid var(--line); padding: 4px 0 12px; }
article.task h3 { margin-top: 12px; }
details.history summary { cursor: pointer; color: var(--navy-2); font-size: 14px; }
.footer { font-size: 13px; color: var(--muted); text-align: center; padding: 16px; }

/* Chat */
.chat-page { max-width: 900px; }
.chat { display: flex; flex-direction: column; gap: 12px; }
.who { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.who label { font-weight: 600; }
.who select { font: inherit; padding: 8px; border-radius: 8px; border: 1px solid #9aa5b1; max-width: 100%; min-height: 44px; background: #fff; }
.chatlog { list-style: none; margin: 0; padding: 12px 10px; min-height: 320px; max-height: 62vh; overflow-y: auto;
  background: #e9eef3; border-radius: 10px; border: 1px solid var(--line); display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 88%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px; }
.msg.me { align-self: flex-end; background: #d7e8fb; border-bottom-right-radius: 4px; }
.msg.bot { align-self: flex-start; background: #fff; border: 1px solid var(--line); border-bottom-left-radius: 4px; }
.msg.note { align-self: center; background: transparent; color: var(--muted); font-size: 13px; padding: 0; }
.msg.error { align-self: center; background: var(--red-bg); color: #9b1c1c; font-size: 14px; }
.msg .meta { display: block; font-size: 12px; color: var(--muted); margin-bottom: 2px; white-space: normal; }
.msg code { background: #eef1f4; padding: 0 4px; border-radius: 4px; font-size: 14px; }
.msg .buttons { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; white-space: normal; }
.msg .buttons div { display: flex; gap: 6px; flex-wrap: wrap; }
.msg .buttons button { font: inherit; font-size: 14px; padding: 6px 10px; border-radius: 8px; border: 1px solid var(--navy-2);
  background: #fff; color: var(--navy); cursor: pointer; min-height: 36px; }
.msg .buttons button:hover { background: #eef3f9; }
.msg .buttons button[disabled] { opacity: .5; cursor: default; }
@media (max-width: 600px) { .msg { max-width: 96%; } .card.chat { padding: 12px; } }
.compose { display: flex; gap: 8px; }
.compose input { flex: 1; min-width: 0; font: inherit; padding: 10px 12px; border-radius: 8px; border: 1px solid #9aa5b1; min-height: 44px; }
.suggest { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; font-size: 14px; }
.suggest button { font: inherit; font-size: 14px; padding: 4px 10px; border-radius: 999px; border: 1px solid var(--line); background: #fff; cursor: pointer; color: var(--ink); }
.suggest button:hover { border-color: var(--navy-2); }

/* Login */
.login { max-width: 420px; margin: 40px auto; }
.login label { display: block; font-weight: 600; margin: 12px 0 4px; }
.login input { width: 100%; font: inherit; padding: 10px 12px; border-radius: 8px; border: 1px solid #9aa5b1; min-height: 44px; }
.alert { background: var(--red-bg); color: #9b1c1c; border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
.reminder + .reminder { margin-top: 16px; }
.message { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: var(--grey-bg); border-radius: 8px; padding: 10px 12px; margin: 6px 0; }
`;
