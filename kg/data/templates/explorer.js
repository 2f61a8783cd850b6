/* EduKG explorer: search, filters, side panel and neighbour highlighting on
 * top of vis-network. All graph text comes from scraped web pages, so it is
 * only ever written with textContent / option.text / option.value, never
 * with innerHTML. */
(function () {
  "use strict";

  var root = document.documentElement;
  var data;
  try {
    data = JSON.parse(document.getElementById("kg-data").textContent);
  } catch (err) {
    root.setAttribute("data-kg-error", String(err));
    throw err;
  }
  var info = data.info;
  var edgeInfo = data.edgeInfo;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function typeName(type) {
    var t = data.types[type];
    return t ? t.name : type;
  }
  function relationName(rel) {
    return Object.prototype.hasOwnProperty.call(data.relations, rel) ? data.relations[rel] : rel;
  }
  function statusName(status) {
    return Object.prototype.hasOwnProperty.call(data.statuses, status) ? data.statuses[status] : status;
  }

  // Adjacency and lower-cased search keys, built once.
  var adjacency = info.map(function () { return []; });
  data.edges.forEach(function (edge) {
    adjacency[edge.from].push({ edge: edge.id, other: edge.to, out: true });
    if (edge.to !== edge.from) adjacency[edge.to].push({ edge: edge.id, other: edge.from, out: false });
  });
  var searchKeys = info.map(function (n) {
    return { label: n.label.toLowerCase(), aliases: n.aliases.map(function (a) { return a.toLowerCase(); }) };
  });

  // ---- network -----------------------------------------------------------
  var visible = new Set(info.map(function (_, i) { return i; }));
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return visible.has(e.from) && visible.has(e.to); }
  });
  var network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, data.options);
  network.once("afterDrawing", function () {
    // Read by bench/bench_html.py to time the first complete draw.
    root.setAttribute("data-kg-ready", String(Math.round(performance.now())));
  });

  // ---- highlighting --------------------------------------------------------
  // Only nodes and edges whose state changes are updated, so selecting in a
  // 10,000-node graph does not rewrite the whole data set every click.
  var dimNodes = new Set();
  var dimEdges = new Set();
  var dimNodeStyle = { color: { background: data.dim.color, border: data.dim.color }, font: { color: data.dim.font } };
  function nodeRestore(id) {
    var t = data.types[info[id].type];
    return { id: id, color: t.color, font: { color: data.fontColor } };
  }
  // Kept apart from the DataSet, which may share or change the item objects.
  var edgeColors = data.edges.map(function (e) { return JSON.parse(JSON.stringify(e.color)); });
  var edgeFont = { color: data.options.edges.font.color };
  function edgeRestore(id) { return { id: id, color: edgeColors[id], font: edgeFont }; }

  function highlight(id) {
    var keepNodes = new Set([id]);
    var keepEdges = new Set();
    adjacency[id].forEach(function (a) { keepNodes.add(a.other); keepEdges.add(a.edge); });
    var nodeUpdates = [];
    var edgeUpdates = [];
    for (var i = 0; i < info.length; i++) {
      var dim = !keepNodes.has(i);
      if (dim && !dimNodes.has(i)) {
        dimNodes.add(i);
        nodeUpdates.push({ id: i, color: dimNodeStyle.color, font: dimNodeStyle.font });
      } else if (!dim && dimNodes.has(i)) {
        dimNodes.delete(i);
        nodeUpdates.push(nodeRestore(i));
      }
    }
    for (var j = 0; j < data.edges.length; j++) {
      var dimE = !keepEdges.has(j);
      if (dimE && !dimEdges.has(j)) {
        dimEdges.add(j);
        edgeUpdates.push({
          id: j,
          color: { color: data.dim.color, highlight: data.dim.color, hover: data.dim.color },
          font: { color: data.dim.font }
        });
      } else if (!dimE && dimEdges.has(j)) {
        dimEdges.delete(j);
        edgeUpdates.push(edgeRestore(j));
      }
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  function clearHighlight() {
    if (dimNodes.size) nodes.update(Array.from(dimNodes, nodeRestore));
    if (dimEdges.size) edges.update(Array.from(dimEdges, edgeRestore));
    dimNodes.clear();
    dimEdges.clear();
  }

  // ---- side panel ----------------------------------------------------------
  var panel = $("kg-panel");
  var panelBody = $("kg-panel-body");

  function addRow(dl, term, value) {
    if (value === "" || value === null || value === undefined) return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", value));
  }

  function showPanel(id) {
    var n = info[id];
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", n.label));
    var kind = el("div", null, "kg-muted");
    var dot = el("span", null, "kg-type-dot");
    var t = data.types[n.type];
    if (t) dot.style.background = t.color.background;
    kind.appendChild(dot);
    kind.appendChild(document.createTextNode(typeName(n.type) + "（" + n.type + "）"));
    panelBody.appendChild(kind);

    var dl = el("dl");
    addRow(dl, "别名", n.aliases.join("、"));
    addRow(dl, "地区", n.region);
    addRow(dl, "年份", n.year ? n.year : "");
    addRow(dl, "来源", n.source);
    addRow(dl, "IRI", n.iri);
    panelBody.appendChild(dl);

    if (n.evidence) {
      panelBody.appendChild(el("h3", "证据"));
      panelBody.appendChild(el("p", n.evidence, "kg-evidence"));
    }

    var rels = adjacency[id].slice().sort(function (a, b) {
      var ra = edgeInfo[a.edge].relation, rb = edgeInfo[b.edge].relation;
      if (ra !== rb) return ra < rb ? -1 : 1;
      if (a.out !== b.out) return a.out ? -1 : 1;
      return info[a.other].label < info[b.other].label ? -1 : info[a.other].label > info[b.other].label ? 1 : 0;
    });
    panelBody.appendChild(el("h3", "关系（" + rels.length + "）"));
    var list = el("ul");
    rels.forEach(function (a) {
      var e = edgeInfo[a.edge];
      var li = el("li");
      var head = el("div");
      var relText = relationName(e.relation) + "（" + e.relation + "）";
      head.appendChild(el("span", a.out ? "→ " + relText + " → " : "← " + relText + " ← ", "kg-rel"));
      var link = el("button", info[a.other].label, "kg-link");
      link.type = "button";
      link.title = typeName(info[a.other].type);
      link.addEventListener("click", function () { selectNode(a.other, true); });
      head.appendChild(link);
      if (e.status && e.status !== "reported") head.appendChild(el("span", statusName(e.status), "kg-planned"));
      li.appendChild(head);
      if (e.evidence) li.appendChild(el("p", e.evidence, "kg-evidence"));
      list.appendChild(li);
    });
    panelBody.appendChild(list);
    panel.hidden = false;
  }

  function hidePanel() {
    panel.hidden = true;
    panelBody.textContent = "";
  }

  var selected = null;

  function selectNode(id, focus) {
    if (!visible.has(id)) resetFilters();
    selected = id;
    network.selectNodes([id]);
    highlight(id);
    showPanel(id);
    if (focus) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.3), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
  }

  function clearSelection() {
    selected = null;
    network.unselectAll();
    clearHighlight();
    hidePanel();
  }

  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (!params.edges.length) clearSelection();
  });
  $("kg-panel-close").addEventListener("click", clearSelection);

  // ---- filters -------------------------------------------------------------
  var regionSelect = $("kg-region");
  var yearSelect = $("kg-year");
  data.regions.forEach(function (r) { regionSelect.appendChild(new Option(r, r)); });
  data.years.forEach(function (y) { yearSelect.appendChild(new Option(y ? String(y) : "未知", String(y))); });
  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("input.kg-type"));
  var countLabel = $("kg-count");
  var totalNodes = info.length, totalEdges = data.edges.length;

  function applyFilters() {
    var types = new Set();
    typeBoxes.forEach(function (box) { if (box.checked) types.add(box.value); });
    var region = regionSelect.value;
    var year = yearSelect.value;
    visible.clear();
    for (var i = 0; i < info.length; i++) {
      var n = info[i];
      if (!types.has(n.type)) continue;
      if (region && n.region !== region && !(n.type === "Region" && n.label === region)) continue;
      if (year !== "" && String(n.year) !== year) continue;
      visible.add(i);
    }
    nodeView.refresh();
    edgeView.refresh();
    if (selected !== null && !visible.has(selected)) clearSelection();
    // Re-frame on what is left: a filter usually picks a far-off corner.
    if (visible.size) network.fit();
    var shownEdges = edgeView.length;
    if (visible.size === totalNodes) countLabel.textContent = totalNodes + " 个节点 · " + totalEdges + " 条关系";
    else countLabel.textContent = "显示 " + visible.size + " / " + totalNodes + " 个节点 · " + shownEdges + " 条关系";
  }

  function resetFilters() {
    typeBoxes.forEach(function (box) { box.checked = true; });
    regionSelect.value = "";
    yearSelect.value = "";
    applyFilters();
  }

  typeBoxes.forEach(function (box) { box.addEventListener("change", applyFilters); });
  regionSelect.addEventListener("change", applyFilters);
  yearSelect.addEventListener("change", applyFilters);
  $("kg-reset").addEventListener("click", resetFilters);
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // ---- search --------------------------------------------------------------
  var searchInput = $("kg-search");
  var results = $("kg-results");
  var MAX_RESULTS = 30;

  function findMatches(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    for (var i = 0; i < searchKeys.length; i++) {
      var k = searchKeys[i], rank = -1;
      if (k.label === q) rank = 0;
      else if (k.label.indexOf(q) === 0) rank = 1;
      else if (k.label.indexOf(q) > 0) rank = 2;
      else if (k.aliases.some(function (a) { return a === q; })) rank = 1;
      else if (k.aliases.some(function (a) { return a.indexOf(q) >= 0; })) rank = 3;
      if (rank >= 0) found.push([rank, info[i].label.length, i]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return found.slice(0, MAX_RESULTS).map(function (f) { return f[2]; });
  }

  function pick(id) {
    results.hidden = true;
    selectNode(id, true);
  }

  function renderResults() {
    var ids = findMatches(searchInput.value);
    results.textContent = "";
    if (!searchInput.value.trim()) { results.hidden = true; return; }
    if (!ids.length) {
      results.appendChild(el("li", "无匹配", "kg-empty"));
    }
    ids.forEach(function (id) {
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.appendChild(document.createTextNode(info[id].label + " "));
      var extra = typeName(info[id].type);
      if (!visible.has(id)) extra += " · 已被筛选隐藏";
      b.appendChild(el("small", extra, "kg-muted"));
      b.addEventListener("click", function () { pick(id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    results.hidden = false;
  }

  var searchTimer = 0;
  searchInput.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(renderResults, 120);
  });
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var ids = findMatches(searchInput.value);
      if (ids.length) pick(ids[0]);
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (ev) {
    if (!$("kg-search-box").contains(ev.target)) results.hidden = true;
  });

  // Test hook for headless checks and for scripting the page by hand.
  window.kgExplorer = { network: network, select: selectNode, search: findMatches, filter: applyFilters };
})();
