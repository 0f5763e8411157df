/* relgraph HTML report: pan and zoom of the figure, search, filters, the
 * details panel and the relations table. Hand-written: the report needs no
 * more than this, and it must run offline from one file. Data are written
 * with textContent only, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("relgraph-data").textContent);
  var figure = document.getElementById("figure");
  var svg = figure.querySelector("svg");
  var panel = document.getElementById("panel");
  var nodesByName = {}, edgesById = {}, selected = null;
  data.nodes.forEach(function (n) { nodesByName[n.name] = n; });
  data.edges.forEach(function (e) { edgesById[e.id] = e; });

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function dates(o) {
    if (!o.first) return "undated";
    return o.first === o.last ? o.first : o.first + " to " + o.last;
  }

  /* ---- The figure's objects ---- */
  var nodeGroups = {}, edgeGroups = {};
  if (svg) {
    svg.querySelectorAll("g.node").forEach(function (g) {
      var t = g.querySelector("title");
      var name = t ? t.textContent.replace(/\\\\/g, "\\") : "";
      nodeGroups[name] = g;
      g.setAttribute("data-name", name);
    });
    svg.querySelectorAll("g.edge").forEach(function (g) {
      if (edgesById[g.id]) edgeGroups[g.id] = g;
    });
  }

  /* ---- Pan and zoom: the SVG's viewBox ---- */
  var home = null, view = null;
  if (svg) {
    var vb = svg.viewBox.baseVal;
    home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  }
  function applyView() {
    svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
  }
  /* The point of the figure under client (x, y). */
  function figurePoint(cx, cy) {
    var r = svg.getBoundingClientRect();
    var s = Math.max(view.w / r.width, view.h / r.height);
    var ox = view.x - (r.width * s - view.w) / 2, oy = view.y - (r.height * s - view.h) / 2;
    return { x: ox + (cx - r.left) * s, y: oy + (cy - r.top) * s, s: s };
  }
  function zoom(factor, cx, cy) {
    var r = svg.getBoundingClientRect();
    if (cx === undefined) { cx = r.left + r.width / 2; cy = r.top + r.height / 2; }
    var p = figurePoint(cx, cy);
    var w = Math.min(Math.max(view.w / factor, home.w / 50), home.w * 4);
    var k = w / view.w;
    view = { x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k, w: w, h: view.h * k };
    applyView();
  }
  function fit() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; applyView(); }
  function centreOn(g) {
    var b = g.getBBox(), m = g.getCTM(), sm = svg.getCTM();
    if (!m || !sm) return;
    /* The group's box in the SVG's user space (the graph has a transform). */
    var t = sm.inverse().multiply(m);
    var cx = t.a * (b.x + b.width / 2) + t.c * (b.y + b.height / 2) + t.e;
    var cy = t.b * (b.x + b.width / 2) + t.d * (b.y + b.height / 2) + t.f;
    var w = Math.min(view.w, home.w / 2), h = view.h * w / view.w;
    view = { x: cx - w / 2, y: cy - h / 2, w: w, h: h };
    applyView();
  }
  if (svg) {
    figure.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2, ev.clientX, ev.clientY);
    }, { passive: false });
    var drag = null;
    figure.addEventListener("mousedown", function (ev) {
      drag = { x: ev.clientX, y: ev.clientY, view: view, moved: false };
    });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; figure.classList.add("dragging"); }
      var s = figurePoint(0, 0).s;
      view = { x: drag.view.x - dx * s, y: drag.view.y - dy * s, w: drag.view.w, h: drag.view.h };
      applyView();
    });
    window.addEventListener("mouseup", function () {
      figure.classList.remove("dragging");
      setTimeout(function () { drag = null; }, 0);
    });
    document.getElementById("zoom-in").onclick = function () { zoom(1.5); };
    document.getElementById("zoom-out").onclick = function () { zoom(1 / 1.5); };
    document.getElementById("zoom-fit").onclick = fit;
    svg.addEventListener("click", function (ev) {
      if (drag && drag.moved) return;
      var g = ev.target.closest("g.edge, g.node");
      if (!g) return;
      if (g.classList.contains("edge")) selectEdge(g.id, false);
      else selectNode(g.getAttribute("data-name"), false);
    });
  }

  /* ---- The details panel ---- */
  function clearSelection() {
    document.querySelectorAll(".selected").forEach(function (x) { x.classList.remove("selected"); });
  }
  function details(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", p[1]));
    });
    return dl;
  }
  function edgeLink(e) {
    var a = el("span", e.source + " " + e.relation + " " + e.target + " (" + e.weight + ")", "link");
    a.onclick = function () { selectEdge(e.id, true); };
    return a;
  }
  function selectNode(name, centre) {
    var n = nodesByName[name];
    if (!n) return;
    clearSelection();
    var g = nodeGroups[name];
    if (g) { g.classList.add("selected"); if (centre) centreOn(g); }
    panel.textContent = "";
    panel.setAttribute("data-kind", "node");
    panel.appendChild(el("h2", n.name));
    panel.appendChild(details([["type", n.type], ["affiliation", n.affiliation], ["mentions", n.mentions],
                               ["dates", dates(n)], ["discovered", n.discovered ? "named with a title, not in the rules" : ""],
                               ["in the figure", g ? "yes" : "no (no relation, or filtered out)"]]));
    var mine = data.edges.filter(function (e) { return e.source === name || e.target === name; });
    panel.appendChild(el("h3", mine.length + " relation" + (mine.length === 1 ? "" : "s")));
    var ul = el("ul");
    mine.forEach(function (e) { var li = el("li"); li.appendChild(edgeLink(e)); ul.appendChild(li); });
    panel.appendChild(ul);
  }
  function selectEdge(id, centre) {
    var e = edgesById[id];
    if (!e) return;
    clearSelection();
    var g = edgeGroups[id];
    if (g) { g.classList.add("selected"); if (centre) centreOn(g); }
    var row = document.getElementById("row-" + id);
    if (row) row.classList.add("selected");
    panel.textContent = "";
    panel.setAttribute("data-kind", "edge");
    panel.appendChild(el("h2", e.source + " " + e.relation + " " + e.target));
    panel.appendChild(details([["polarity", e.polarity], ["weight", e.weight + " mention" + (e.weight === 1 ? "" : "s")],
                               ["dates", dates(e)], ["documents", e.documents.join(", ")],
                               ["symmetric", e.symmetric ? "yes" : ""]]));
    panel.appendChild(el("h3", "Evidence: " + e.evidence.length + " sentence" + (e.evidence.length === 1 ? "" : "s") +
                                (e.weight > e.evidence.length ? " kept of " + e.weight + " (--max-evidence)" : "")));
    var ol = el("ol", null, "evidence");
    e.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("q", ev.text));
      li.appendChild(el("div", ev.doc + " \u00b7 " + (ev.date || "undated") + " \u00b7 rule " + ev.rule, "meta"));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  /* ---- Search ---- */
  var search = document.getElementById("search"), hits = document.getElementById("hits");
  function runSearch(select) {
    var q = search.value.trim().toLowerCase();
    var found = [];
    Object.keys(nodeGroups).forEach(function (name) {
      var g = nodeGroups[name], hit = q !== "" && name.toLowerCase().indexOf(q) >= 0;
      g.classList.toggle("hit", hit);
      g.classList.toggle("dim", q !== "" && !hit);
      if (hit) found.push(name);
    });
    Object.keys(edgeGroups).forEach(function (id) {
      var e = edgesById[id];
      var near = found.indexOf(e.source) >= 0 || found.indexOf(e.target) >= 0;
      edgeGroups[id].classList.toggle("dim", q !== "" && !near);
    });
    hits.textContent = q === "" ? "" : found.length + " actor" + (found.length === 1 ? "" : "s");
    var exact = found.filter(function (n) { return n.toLowerCase() === q; });
    if (select && (exact.length === 1 || found.length === 1)) selectNode(exact[0] || found[0], true);
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(true); });

  /* ---- Filters ---- */
  function checked(name) {
    var on = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (c) { on[c.value] = c.checked; });
    return on;
  }
  function applyFilters() {
    var rel = checked("relation"), typ = checked("type");
    function typeShown(name) { var n = nodesByName[name]; return typ[n ? n.type : "unknown"] !== false; }
    Object.keys(nodeGroups).forEach(function (name) { nodeGroups[name].classList.toggle("hidden", !typeShown(name)); });
    data.edges.forEach(function (e) {
      var shown = rel[e.relation] !== false && typeShown(e.source) && typeShown(e.target);
      if (edgeGroups[e.id]) edgeGroups[e.id].classList.toggle("hidden", !shown);
      var row = document.getElementById("row-" + e.id);
      if (row) row.hidden = !shown;
    });
  }
  document.querySelectorAll("input[name=relation], input[name=type]").forEach(function (c) {
    c.addEventListener("change", applyFilters);
  });

  /* ---- The relations table ---- */
  var columns = [["source", "source"], ["relation", "relation"], ["target", "target"], ["polarity", "polarity"],
                 ["weight", "weight"], ["documents", "documents"], ["first", "first date"], ["last", "last date"]];
  var table = document.getElementById("relations"), tbody = table.querySelector("tbody");
  var headRow = table.querySelector("thead tr");
  function cell(e, key) { return key === "documents" ? e.documents.length : e[key]; }
  columns.forEach(function (c) {
    var th = el("th", c[1]);
    th.setAttribute("data-key", c[0]);
    th.onclick = function () { sortBy(c[0]); };
    headRow.appendChild(th);
  });
  var rows = data.edges.slice();
  function fill() {
    tbody.textContent = "";
    rows.forEach(function (e) {
      var tr = el("tr");
      tr.id = "row-" + e.id;
      columns.forEach(function (c) {
        var v = cell(e, c[0]);
        tr.appendChild(el("td", v, typeof v === "number" ? "num" : ""));
      });
      tr.onclick = function () { selectEdge(e.id, true); };
      tbody.appendChild(tr);
    });
    applyFilters();
  }
  var sortKey = null, ascending = true;
  function sortBy(key) {
    ascending = sortKey === key ? !ascending : key !== "weight" && key !== "documents";
    sortKey = key;
    rows.sort(function (a, b) {
      var x = cell(a, key), y = cell(b, key);
      var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return ascending ? c : -c;
    });
    headRow.querySelectorAll("th").forEach(function (th) {
      if (th.getAttribute("data-key") === key) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    fill();
  }
  fill();
})();
