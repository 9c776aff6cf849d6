/* Tidings web UI: renders the REST JSON; data only ever reaches the page as text nodes. */
"use strict";

const FILTER_KEYS = ["actor", "side", "type", "cameo_root", "quad_class", "country", "since",
  "until", "outlet", "modality", "min_confidence", "q", "lat", "lon", "km", "story_id"];
const PAGE = 50;
const TYPE_COLORS = {
  AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#a6d854", CONCEDE: "#8dd3c7",
  COOPERATE: "#377eb8", AID: "#80b1d3", RETREAT: "#bebada", REQUEST: "#fdb462",
  ACCUSE: "#e6ab02", REJECT: "#d95f02", THREATEN: "#fb8072", PROTEST: "#e7298a",
  SANCTION: "#984ea3", MOBILIZE: "#a6761d", COERCE: "#b15928", ASSAULT: "#e41a1c",
};
const main = document.getElementById("main");
let worldLayerData = null;

/* ---------- DOM helpers: children that are strings become text nodes ---------- */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
function svg(tag, attrs) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  return el;
}
function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
function link(href, text, cls) { return h("a", { href, class: cls }, text); }
function eventHref(id) { return "#/event/" + encodeURIComponent(id); }
function actorLink(code) {
  return code ? link("#/actor/" + encodeURIComponent(code), code, "code") : "–";
}
function typeBadge(t) {
  const b = h("span", { class: "badge" }, t || "?");
  b.style.background = TYPE_COLORS[t] || "#888";
  return b;
}

/* ---------- API ---------- */
async function api(path, params) {
  const qs = params ? "?" + new URLSearchParams(params).toString() : "";
  const resp = await fetch(path + qs, { headers: { Accept: "application/json" } });
  let body;
  try { body = await resp.json(); } catch (e) { body = { error: resp.statusText }; }
  if (!resp.ok) throw new Error(body.error || resp.statusText);
  return body;
}
function showError(err) {
  clear(main);
  append(main, [h("div", { class: "error", role: "alert" }, "Error: " + err.message)]);
}

/* ---------- routing: #/events?..., #/event/ID, #/story/ID, #/actor/CODE ... ---------- */
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "") || "events";
  const [path, query] = raw.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  return { view: parts[0], id: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
}
async function route() {
  const { view, id, params } = parseHash();
  document.body.dataset.view = view;
  document.querySelectorAll("header nav a").forEach((a) =>
    a.classList.toggle("active", a.getAttribute("href") === "#/" + view));
  try {
    if (view === "event" && id) await renderEvent(id);
    else if (view === "story" && id) await renderStory(id);
    else if (view === "stories") await renderStories(params);
    else if (view === "actor" && id) await renderActor(id);
    else if (view === "actors") await renderActors(params);
    else if (view === "article" && id) await renderArticle(id);
    else if (view === "stats") await renderStats();
    else await renderEvents(params);
  } catch (err) { showError(err); }
}
window.addEventListener("hashchange", route);

/* ---------- filters form ---------- */
const form = document.getElementById("filter-form");
function formToParams() {
  const p = new URLSearchParams();
  const data = new FormData(form);
  for (const k of FILTER_KEYS) {
    const v = (data.get(k) || "").toString().trim();
    if (v && !(k === "side" && v === "either")) p.set(k, v);
  }
  return p;
}
function paramsToForm(params) {
  for (const k of FILTER_KEYS) {
    const el = form.elements.namedItem(k);
    if (el) el.value = params.get(k) || (k === "side" ? "either" : "");
  }
}
form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = "#/events?" + formToParams().toString();
});
document.getElementById("reset").addEventListener("click", () => {
  form.reset();
  location.hash = "#/events";
});

/* ---------- events list: table, map, timeline ---------- */
async function renderEvents(params) {
  paramsToForm(params);
  const filters = new URLSearchParams(params);
  filters.delete("offset");
  const offset = parseInt(params.get("offset") || "0", 10) || 0;
  const query = new URLSearchParams(filters);
  query.set("limit", String(PAGE));
  query.set("offset", String(offset));
  const [page, timeline] = await Promise.all([
    api("/events", query), api("/timeline", withBucket(filters, "day"))]);
  let tl = timeline;
  if (new Set(tl.rows.map((r) => r.bucket)).size > 60) {
    tl = await api("/timeline", withBucket(filters, "month"));
  }
  clear(main);
  const title = h("h1", {}, "Events ",
    h("span", { class: "muted", id: "event-count" },
      `${page.total}${page.total_capped ? "+" : ""} matching`));
  const mapBox = h("div", { id: "map", class: "map" });
  const tlBox = h("div", { id: "timeline", class: "timeline" });
  append(main, [title, h("div", { class: "viz" }, mapBox, tlBox), eventsTable(page.rows),
    pager(filters, offset, page.total, page.total_capped)]);
  drawMap(mapBox, page.rows);
  drawTimeline(tlBox, tl.rows, tl.bucket);
}
function withBucket(filters, bucket) {
  const p = new URLSearchParams(filters);
  p.set("bucket", bucket);
  return p;
}
function eventsTable(rows) {
  if (!rows.length) return h("p", { class: "empty" }, "No event matches these filters.");
  const head = h("tr", {}, ["Date", "Type", "Source", "Target", "Place", "Outlet", "Outlets",
    "Evidence"].map((c) => h("th", {}, c)));
  const body = rows.map((r) => h("tr", { class: "event-row", "data-id": r.event_id },
    h("td", { class: "nowrap" }, r.event_date || "–"),
    h("td", {}, typeBadge(r.plover_type)),
    h("td", {}, actorLink(r.source_code), h("div", { class: "muted small" },
      r.source_name || r.source_text || "")),
    h("td", {}, actorLink(r.target_code), h("div", { class: "muted small" },
      r.target_name || r.target_text || "")),
    h("td", {}, r.place_name || "–"),
    h("td", {}, r.outlet || "–"),
    h("td", { class: "num" }, r.n_outlets ?? ""),
    h("td", { class: "evidence-cell" }, link(eventHref(r.event_id), r.evidence_text || "(no text)",
      "evidence-link"))));
  return h("table", { class: "events", id: "events-table" }, h("thead", {}, head),
    h("tbody", {}, body));
}
function pager(filters, offset, total, capped) {
  const box = h("div", { class: "pager" });
  const go = (o) => {
    const p = new URLSearchParams(filters);
    if (o > 0) p.set("offset", String(o));
    return "#/events?" + p.toString();
  };
  if (offset > 0) append(box, [link(go(Math.max(0, offset - PAGE)), "← Previous", "prev")]);
  append(box, [h("span", { class: "muted" },
    total ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}${capped ? "+" : ""}` : "")]);
  if (offset + PAGE < total || capped) append(box, [link(go(offset + PAGE), "Next →", "next")]);
  return box;
}

/* ---------- map: bundled country outlines + circle markers, no tile server ---------- */
async function worldData() {
  if (!worldLayerData) {
    const resp = await fetch("/static/vendor/world-110m.geojson");
    worldLayerData = await resp.json();
  }
  return worldLayerData;
}
function drawMap(box, rows) {
  if (typeof L === "undefined") { append(box, ["Map unavailable"]); return; }
  const map = L.map(box, { worldCopyJump: true, attributionControl: false, minZoom: 1,
    zoomAnimation: false });
  worldData().then((geo) => {
    L.geoJSON(geo, { interactive: false,
      style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 } })
      .addTo(map).bringToBack();
  });
  const pts = [];
  const markers = L.layerGroup();
  for (const r of rows) {
    if (r.lat === null || r.lon === null || r.lat === undefined) continue;
    const m = L.circleMarker([r.lat, r.lon], { radius: 6 + Math.min(6, (r.n_outlets || 1) - 1),
      color: "#222", weight: 1, fillColor: TYPE_COLORS[r.plover_type] || "#888",
      fillOpacity: 0.85, className: "event-marker" }).addTo(markers);
    // Leaflet treats string popups as HTML: hand it a DOM node built from text instead.
    m.bindPopup(h("div", {}, h("strong", {}, r.plover_type || ""), " ",
      r.event_date || "", h("br"), r.place_name || "", h("br"),
      link(eventHref(r.event_id), "open event")));
    pts.push([r.lat, r.lon]);
  }
  if (pts.length === 1) map.setView(pts[0], 5, { animate: false });
  else if (pts.length > 1) map.fitBounds(pts, { padding: [30, 30], maxZoom: 6, animate: false });
  else map.setView([25, 20], 2, { animate: false });
  markers.addTo(map);
}

/* ---------- timeline: stacked SVG bars by bucket and type ---------- */
function drawTimeline(box, rows, bucket) {
  clear(box);
  append(box, [h("div", { class: "muted small" }, `Events per ${bucket} by type`)]);
  if (!rows.length) { append(box, [h("p", { class: "empty" }, "No dated events.")]); return; }
  const buckets = allBuckets([...new Set(rows.map((r) => r.bucket))].sort(), bucket);
  const types = [...new Set(rows.map((r) => r.plover_type))].sort();
  const totals = {};
  for (const r of rows) totals[r.bucket] = (totals[r.bucket] || 0) + r.n;
  const max = Math.max(...Object.values(totals));
  const W = 460, H = 150, pad = 24, bw = Math.max(2, (W - pad * 2) / buckets.length - 2);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H + 30}`, class: "timeline-svg", role: "img" });
  const stack = {};
  for (const r of rows) {
    const i = buckets.indexOf(r.bucket);
    const y0 = stack[r.bucket] || 0;
    const hgt = (r.n / max) * (H - pad);
    const rect = svg("rect", { x: pad + i * (bw + 2), y: H - y0 - hgt, width: bw, height: hgt,
      fill: TYPE_COLORS[r.plover_type] || "#888", class: "bar" });
    const tip = svg("title", {});
    tip.textContent = `${r.bucket} ${r.plover_type}: ${r.n}`;
    rect.appendChild(tip);
    s.appendChild(rect);
    stack[r.bucket] = y0 + hgt;
  }
  s.appendChild(svg("line", { x1: pad, y1: H, x2: W - pad, y2: H, stroke: "#666" }));
  const label = (x, text, anchor) => {
    const t = svg("text", { x, y: H + 14, "font-size": 10, "text-anchor": anchor, fill: "#444" });
    t.textContent = text;
    s.appendChild(t);
  };
  label(pad, buckets[0], "start");
  if (buckets.length > 1) label(W - pad, buckets[buckets.length - 1], "end");
  const maxLabel = svg("text", { x: 2, y: pad - 4, "font-size": 10, fill: "#444" });
  maxLabel.textContent = String(max);
  s.appendChild(maxLabel);
  append(box, [s, h("div", { class: "legend" }, types.map((t) => h("span", {}, typeBadge(t))))]);
}

function allBuckets(seen, bucket) {
  // Every day (or month) from the first to the last, so that the x axis is linear in time.
  if (seen.length < 2 || (bucket !== "day" && bucket !== "month")) return seen;
  const out = [];
  const d = new Date(seen[0] + "T00:00:00Z");
  const end = new Date(seen[seen.length - 1] + "T00:00:00Z");
  while (d <= end && out.length < 400) {
    out.push(d.toISOString().slice(0, 10));
    if (bucket === "day") d.setUTCDate(d.getUTCDate() + 1);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/* ---------- one event: evidence with highlighted spans ---------- */
function highlighted(m, extras) {
  // Build the sentence from text pieces; each highlighted span is its own <mark> element.
  const text = m.evidence_text || "";
  const base = m.evidence_start || 0;
  const spans = [];
  for (const [key, cls] of [["source", "hl-source"], ["target", "hl-target"],
    ["trigger", "hl-trigger"]]) {
    const s = m[key + "_start"], e = m[key + "_end"];
    if (s !== null && s !== undefined && e !== null && e !== undefined && e > s) {
      spans.push({ s: s - base, e: e - base, cls, label: key });
    }
  }
  for (const [needle, cls, label] of extras) {
    if (!needle) continue;
    const at = text.indexOf(needle);
    if (at >= 0) spans.push({ s: at, e: at + needle.length, cls, label });
  }
  spans.sort((a, b) => a.s - b.s || b.e - a.e);
  const out = h("p", { class: "evidence" });
  let pos = 0;
  for (const sp of spans) {
    if (sp.s < pos || sp.s < 0 || sp.e > text.length) continue; // skip overlaps
    append(out, [text.slice(pos, sp.s)]);
    append(out, [h("mark", { class: sp.cls, title: sp.label }, text.slice(sp.s, sp.e))]);
    pos = sp.e;
  }
  append(out, [text.slice(pos)]);
  return out;
}
function fact(label, ...value) { return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, value)); }

async function renderEvent(id) {
  const d = await api("/events/" + encodeURIComponent(id));
  const e = d.event;
  clear(main);
  const extras = [[e.date_text, "hl-date", "date"], [e.place_name, "hl-place", "place"]];
  const place = [e.place_name, e.admin1, e.country_iso3].filter(Boolean).join(", ");
  append(main, [
    h("p", {}, link("#/events", "← events")),
    h("h1", {}, typeBadge(e.plover_type), " ", e.plover_mode ? `(${e.plover_mode}) ` : "",
      h("span", { class: "dyad" }, actorLink(e.source_code), " → ", actorLink(e.target_code))),
    h("dl", { class: "facts" },
      fact("Source", e.source_name || e.source_text || "–"),
      fact("Target", e.target_name || e.target_text || "–"),
      fact("Date", e.event_date || "–", e.date_text ? ` (from “${e.date_text}”)` : ""),
      fact("Place", place || "–", e.lat !== null ? ` (${e.lat.toFixed(3)}, ${e.lon.toFixed(3)})` : ""),
      fact("CAMEO", `${e.cameo_code || "–"} (root ${e.cameo_root || "–"})`),
      fact("QuadClass / Goldstein", `${e.quad_class ?? "–"} / ${e.goldstein ?? "–"}`),
      fact("Modality", e.modality || "–", e.negated ? " — negated" : ""),
      fact("Confidence", e.confidence ?? "–"),
      fact("Story", e.story_id ? link("#/story/" + encodeURIComponent(e.story_id), "compare outlets") : "–")),
    h("div", { class: "legend" }, h("mark", { class: "hl-trigger" }, "trigger"), " ",
      h("mark", { class: "hl-source" }, "source"), " ", h("mark", { class: "hl-target" }, "target"),
      " ", h("mark", { class: "hl-date" }, "date"), " ", h("mark", { class: "hl-place" }, "place")),
    h("h2", {}, `Reported by ${d.mentions.length} article(s)`),
    h("ul", { class: "mentions", id: "mentions" }, d.mentions.map((m) => h("li", { class: "mention" },
      h("div", { class: "mention-head" }, h("strong", { class: "outlet" }, m.outlet || "(unknown outlet)"),
        " · ", (m.published_at || "").slice(0, 10), " · ",
        link("#/article/" + encodeURIComponent(m.article_id), m.title || "(untitled)")),
      highlighted(m, extras)))),
  ]);
  if (d.quotes.length) {
    append(main, [h("h2", {}, "Linked quotes"), h("ul", { class: "quotes" }, d.quotes.map((q) =>
      h("li", {}, h("q", {}, q.content), " — ", q.speaker_text || "unknown speaker",
        q.cue ? ` (${q.cue})` : "")))]);
  }
  if (e.lat !== null && e.lat !== undefined) {
    const box = h("div", { id: "map", class: "map small-map" });
    append(main, [box]);
    drawMap(box, [e]);
  }
}

/* ---------- articles, stories, actors, stats ---------- */
async function renderArticle(id) {
  const d = await api("/articles/" + encodeURIComponent(id));
  const a = d.article;
  clear(main);
  append(main, [h("h1", {}, a.title || "(untitled)"),
    h("p", { class: "muted" }, [a.outlet, (a.published_at || "").slice(0, 10), a.url]
      .filter(Boolean).join(" · ")),
    h("div", { class: "article-text", id: "article-text" }, a.text || ""),
    h("h2", {}, `${d.events.length} event mention(s)`),
    h("ul", {}, d.events.map((e) => h("li", {}, typeBadge(e.plover_type), " ",
      link(eventHref(e.canonical_id || e.event_id), `${e.source_name || e.source_text || "?"} → ${e.target_name || e.target_text || "?"}`))))]);
}
async function renderStories(params) {
  const offset = parseInt(params.get("offset") || "0", 10) || 0;
  const d = await api("/stories", { limit: PAGE, offset });
  clear(main);
  append(main, [h("h1", {}, "Stories"), h("table", { class: "events" },
    h("thead", {}, h("tr", {}, ["Title", "First seen", "Articles", "Outlets", "Events"].map((c) => h("th", {}, c)))),
    h("tbody", {}, d.rows.map((s) => h("tr", {},
      h("td", {}, link("#/story/" + encodeURIComponent(s.story_id), s.title || s.story_id)),
      h("td", { class: "nowrap" }, (s.first_seen || "").slice(0, 10)),
      h("td", { class: "num" }, s.n_articles), h("td", { class: "num" }, s.n_outlets),
      h("td", { class: "num" }, s.n_events)))))]);
}
async function renderStory(id) {
  const d = await api("/stories/" + encodeURIComponent(id));
  clear(main);
  append(main, [h("h1", {}, d.story.title || "Story"),
    h("p", { class: "muted" }, `${d.story.n_articles} articles from ${d.story.n_outlets} outlets`),
    h("h2", {}, "What each outlet reported"),
    h("table", { class: "events", id: "outlets-table" },
      h("thead", {}, h("tr", {}, ["Outlet", "First published", "Articles", "Events", "Types"].map((c) => h("th", {}, c)))),
      h("tbody", {}, d.outlets.map((o) => h("tr", {}, h("td", {}, o.outlet),
        h("td", { class: "nowrap" }, (o.first_published || "").slice(0, 16).replace("T", " ")),
        h("td", { class: "num" }, o.n_articles), h("td", { class: "num" }, o.n_events),
        h("td", {}, (o.types || "").split(",").filter(Boolean).map((t) => [typeBadge(t), " "])))))),
    comparisonSection(d.comparison),
    h("h2", {}, "Articles"),
    h("ul", {}, d.articles.map((a) => h("li", {}, h("strong", {}, a.outlet || "?"), " · ",
      link("#/article/" + encodeURIComponent(a.article_id), a.title || "(untitled)")))),
    h("h2", {}, "Events"), eventsTable(d.events)]);
}
/* What each outlet carried that the others did not (events, speakers, sources). */
function comparisonSection(c) {
  if (!c || !c.outlets || c.outlets.length < 2) return h("div", {});
  const list = (title, items, render) => items.length
    ? [h("h4", {}, title), h("ul", {}, items.map((x) => h("li", {}, render(x))))] : [];
  const eventItem = (e) => [typeBadge(e.plover_type), " ", link(eventHref(e.event_id), e.label)];
  const cards = c.outlets.map((o) => h("div", { class: "outlet-card" },
    h("h3", {}, o.outlet, h("span", { class: "muted small" }, ` · ${o.articles.length} article(s), ${o.n_events} event(s)`)),
    ...list("Events only here", o.events_only_here, eventItem),
    ...list("Speakers only here", o.speakers_only_here, (x) => x),
    ...list("Sources only here", o.sources_only_here, (x) => x),
    ...list("Missing what every other outlet reported", o.events_missing, (x) => x)));
  return h("section", { id: "outlet-comparison" },
    h("h2", {}, "Compared across outlets"),
    h("div", { class: "outlet-cards" }, cards),
    ...list("Reported by several outlets", c.shared_events,
      (e) => [...eventItem(e), h("span", { class: "muted small" }, " — " + e.outlets.join(", "))]));
}
async function renderActors(params) {
  const q = params.get("q") || "";
  const d = await api("/actors", q ? { q, limit: 200 } : { limit: 200 });
  clear(main);
  const search = h("form", { class: "inline", onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = "#/actors?" + new URLSearchParams({ q: ev.target.q.value }).toString();
  } }, h("input", { name: "q", placeholder: "code or name", value: q }), h("button", {}, "Search"));
  append(main, [h("h1", {}, "Actors"), search, h("table", { class: "events" },
    h("thead", {}, h("tr", {}, ["Code", "Name", "Country", "Sector", "As source", "As target"].map((c) => h("th", {}, c)))),
    h("tbody", {}, d.rows.map((a) => h("tr", {}, h("td", {}, actorLink(a.code)), h("td", {}, a.name || ""),
      h("td", {}, a.country_iso3 || ""), h("td", {}, a.sector || ""),
      h("td", { class: "num" }, a.n_as_source), h("td", { class: "num" }, a.n_as_target)))))]);
}
async function renderActor(code) {
  const d = await api("/actors/" + encodeURIComponent(code));
  const a = d.actor;
  clear(main);
  append(main, [h("h1", {}, a.code, " ", h("span", { class: "muted" }, a.name || "")),
    h("p", {}, `${a.n_events} events · country ${a.country_iso3 || "–"} · sector ${a.sector || "–"} · `,
      link("#/events?" + new URLSearchParams({ actor: a.code }).toString(), "see its events")),
    h("h2", {}, "Dyads"),
    h("table", { class: "events", id: "dyads-table" },
      h("thead", {}, h("tr", {}, ["Source", "Target", "Type", "Events", "First", "Last"].map((c) => h("th", {}, c)))),
      h("tbody", {}, d.dyads.map((r) => h("tr", {}, h("td", {}, actorLink(r.source_code)),
        h("td", {}, actorLink(r.target_code)), h("td", {}, typeBadge(r.plover_type)),
        h("td", { class: "num" }, r.n), h("td", { class: "nowrap" }, r.first_date || "–"),
        h("td", { class: "nowrap" }, r.last_date || "–"))))),
    h("p", { class: "muted small" }, "Also written as: ", (a.names || []).join("; "))]);
}
async function renderStats() {
  const d = await api("/stats");
  clear(main);
  const table = (title, rows, key) => h("table", { class: "events compact" },
    h("thead", {}, h("tr", {}, h("th", {}, title), h("th", {}, "n"))),
    h("tbody", {}, rows.map((r) => h("tr", {}, h("td", {}, r[key] ?? "–"), h("td", { class: "num" }, r.n)))));
  append(main, [h("h1", {}, "Stats"),
    h("p", {}, `Event dates ${d.event_dates.first || "–"} … ${d.event_dates.last || "–"}`),
    h("div", { class: "grid" },
      table("table", Object.entries(d.counts).map(([k, v]) => ({ k, n: v })), "k"),
      table("PLOVER type", d.by_type, "plover_type"),
      table("QuadClass", d.by_quad_class, "quad_class"),
      table("Outlet", d.by_outlet, "outlet"))]);
}

/* ---------- live: the watch loop's progress and the last run, from GET /runs ---------- */
const LIVE_MS = 5000;
let lastRunId = null;
function runLine(d) {
  const w = d.watch;
  const last = d.rows[0];
  if (w && w.status === "running") return `ingesting: ${w.documents} document(s) read`;
  if (!last) return w ? "watching · no run yet" : "";
  const c = last.counts || {};
  const when = (last.finished || last.started || "").slice(0, 16).replace("T", " ");
  const what = `${c.documents_new ?? 0} new doc(s), ${c.events ?? 0} event(s)`;
  return `${w ? "watching · " : ""}last run ${when} ${last.status || ""}: ${what}`;
}
async function pollRuns() {
  try {
    const d = await api("/runs", { limit: 1 });
    clear(document.getElementById("live")).appendChild(document.createTextNode(runLine(d)));
    const id = d.rows[0] && d.rows[0].status !== "running" ? d.rows[0].run_id : null;
    // A run finished since the page was drawn: redraw lists so new events appear.
    if (lastRunId !== null && id !== null && id !== lastRunId &&
        ["events", "stories", "stats", "actors"].includes(parseHash().view)) route();
    if (id !== null) lastRunId = id;
  } catch (err) { /* the header line is a hint only; the views show their own errors */ }
  setTimeout(pollRuns, LIVE_MS);
}

route();
pollRuns();
