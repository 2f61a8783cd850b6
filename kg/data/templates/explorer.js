/* EduKG explorer: search, filters, side panel, expand-on-click and exports on
 * top of vis-network. All graph text comes from scraped web pages, so it is
 * only ever written with textContent / option.text / option.value / a plain
 * string tooltip, never with innerHTML.
 *
 * The page never hands vis-network more than data.limits.draw nodes: every
 * node and edge is in the JSON island, but only the current view is in the
 * vis DataSets. A big graph opens on an overview (regions and bureaus first,
 * by degree); search and clicks add nodes to the view. */
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
  var N = info.length;
  var limits = data.limits || { draw: 2500, relayout: 600, expand: 200 };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function typeName(type) {
    return has(data.types, type) ? data.types[type].name : type;
  }
  function relationName(rel) { return has(data.relations, rel) ? data.relations[rel] : rel; }
  function statusName(status) { return has(data.statuses, status) ? data.statuses[status] : status; }
  function shorten(text, limit) { return text.length <= limit ? text : text.slice(0, limit - 1) + "…"; }

  // ---- graph structure, built once ----------------------------------------
  var adjacency = info.map(function () { return []; });
  var degree = new Int32Array(N);
  data.edges.forEach(function (edge) {
    adjacency[edge.from].push({ edge: edge.id, other: edge.to, out: true });
    degree[edge.from]++;
    if (edge.to !== edge.from) {
      adjacency[edge.to].push({ edge: edge.id, other: edge.from, out: false });
      degree[edge.to]++;
    }
  });
  var searchKeys = info.map(function (n) {
    return { label: n.label.toLowerCase(), aliases: n.aliases.map(function (a) { return a.toLowerCase(); }) };
  });

  // Reports collapse into one node per publisher ("g<publisher id>").
  var publisherOf = new Int32Array(N).fill(-1);
  var reportsOf = {};
  data.edges.forEach(function (edge) {
    if (edgeInfo[edge.id].relation === "publisher" && info[edge.from].type === "Report") {
      publisherOf[edge.from] = edge.to;
      (reportsOf[edge.to] = reportsOf[edge.to] || []).push(edge.from);
    }
  });
  function groupId(pub) { return "g" + pub; }
  function isGroup(id) { return typeof id === "string"; }
  function groupPublisher(id) { return Number(id.slice(1)); }

  // Region tree for the hierarchical filter.
  var regionParents = data.regionParents || {};
  var regionChildren = {};
  Object.keys(regionParents).forEach(function (child) {
    var parent = regionParents[child];
    (regionChildren[parent] = regionChildren[parent] || []).push(child);
  });
  function regionWithin(name) {
    var out = new Set([name]);
    var stack = [name];
    while (stack.length) {
      var kids = regionChildren[stack.pop()] || [];
      kids.forEach(function (k) { if (!out.has(k)) { out.add(k); stack.push(k); } });
    }
    return out;
  }

  // ---- tooltips (plain strings: vis-network shows them as text) ------------
  function nodeTitle(i) {
    var n = info[i];
    var lines = [n.label, "类型：" + typeName(n.type) + "（" + n.type + "）"];
    if (n.aliases.length) lines.push("别名：" + n.aliases.join("、"));
    if (n.region) lines.push("地区：" + n.region);
    if (n.year) lines.push("年份：" + n.year);
    lines.push("关系：" + degree[i]);
    if (n.evidence) lines.push("证据：" + shorten(n.evidence, 160));
    return lines.join("\n");
  }
  function edgeTitle(j) {
    var e = edgeInfo[j];
    var title = relationName(e.relation) + "（" + e.relation + "）";
    if (has(data.statuses, e.status)) title += " · " + statusName(e.status);
    if (e.evidence) title += "\n证据：" + shorten(e.evidence, 160);
    return title;
  }

  // ---- the view: what vis-network holds -----------------------------------
  // Sizes and label sizes grow with the square root of degree: degrees are
  // heavy-tailed (a district with thousands of schools), and a linear scale
  // would draw every other node at the minimum.
  if (data.options.nodes && data.options.nodes.scaling) {
    data.options.nodes.scaling.customScalingFunction = function (min, max, total, value) {
      return max === min ? 0.5 : Math.sqrt((value - min) / (max - min));
    };
  }
  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  var network = new vis.Network($("kg-network"), { nodes: nodes, edges: edges }, data.options);
  var reportGroupStyle = has(data.types, "Report") ? data.types.Report.group : undefined;

  var pinned = new Set();        // nodes the user brought in (search, expand)
  var openGroups = new Set();    // publishers whose reports are shown one by one
  var placed = {};               // positions given in the page (expand, relayout)
  var viewEdges = new Set();     // edge ids in the DataSet ("p<pub>" for groups)

  function visNode(id) {
    if (isGroup(id)) {
      var pub = groupPublisher(id);
      var count = reportsOf[pub].length;
      var pos = placed[id] || { x: data.nodes[pub].x + 40, y: data.nodes[pub].y - 60 };
      return {
        id: id, label: count + " 份报告", group: reportGroupStyle, value: count,
        x: pos.x, y: pos.y,
        title: info[pub].label + " 发布的报告：" + count + " 份（点击展开）"
      };
    }
    var base = data.nodes[id];
    var node = { id: id, label: base.label, group: base.group, value: base.value, x: base.x, y: base.y, title: nodeTitle(id) };
    if (placed[id]) { node.x = placed[id].x; node.y = placed[id].y; }
    return node;
  }
  function visEdge(j) {
    var e = data.edges[j];
    var out = { id: j, from: e.from, to: e.to, color: e.color, dashes: e.dashes, title: edgeTitle(j) };
    if (e.label !== undefined) out.label = e.label;
    if (e.smooth !== undefined) out.smooth = e.smooth;
    return out;
  }

  // ---- filters -------------------------------------------------------------
  var regionSelect = $("kg-region");
  var yearSelect = $("kg-year");
  var isolatedBox = $("kg-isolated");
  var collapseBox = $("kg-collapse");
  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("input.kg-type"));
  var countLabel = $("kg-count");
  var notice = $("kg-notice");

  (function fillRegions() {
    var names = data.regions.slice();
    var known = new Set(names);
    var roots = names.filter(function (r) { return !has(regionParents, r) || !known.has(regionParents[r]); });
    var done = new Set();
    function add(name, depth) {
      if (done.has(name)) return;
      done.add(name);
      var option = new Option(name, name);
      if (depth) option.text = "\u3000".repeat(depth) + name;
      regionSelect.appendChild(option);
      (regionChildren[name] || []).slice().sort().forEach(function (k) { if (known.has(k)) add(k, depth + 1); });
    }
    roots.forEach(function (r) { add(r, 0); });
    names.forEach(function (r) { add(r, 0); });
  })();
  data.years.forEach(function (y) { yearSelect.appendChild(new Option(y ? String(y) : "未知", String(y))); });

  function filtersAreDefault() {
    return regionSelect.value === "" && yearSelect.value === "" && typeBoxes.every(function (b) { return b.checked; });
  }

  // Nodes the filters let through (numbers; collapsed reports as group ids).
  function candidates() {
    var types = new Set();
    typeBoxes.forEach(function (box) { if (box.checked) types.add(box.value); });
    var region = regionSelect.value;
    var within = region ? regionWithin(region) : null;
    var year = yearSelect.value;
    var showIsolated = isolatedBox.checked;
    var collapse = collapseBox.checked;
    var pass = new Uint8Array(N);
    var i;
    for (i = 0; i < N; i++) {
      var n = info[i];
      if (!types.has(n.type)) continue;
      if (!showIsolated && degree[i] === 0) continue;
      if (year !== "" && String(n.year) !== year) continue;
      pass[i] = 1;
    }
    if (within) {
      // A region keeps its sub-regions, what is located in them, and the
      // region-less things those point to (their awards, programs …).
      var inRegion = new Uint8Array(N);
      for (i = 0; i < N; i++) {
        var m = info[i];
        if ((m.type === "Region" && within.has(m.label)) || (m.region && within.has(m.region))) inRegion[i] = 1;
      }
      for (i = 0; i < N; i++) {
        if (inRegion[i] !== 1) continue;
        adjacency[i].forEach(function (a) {
          var o = info[a.other];
          if (a.out && !inRegion[a.other] && !o.region && o.type !== "Region" && o.type !== "Report") inRegion[a.other] = 2;
        });
      }
      for (i = 0; i < N; i++) {
        if (info[i].type === "Report" && publisherOf[i] >= 0 && inRegion[publisherOf[i]]) inRegion[i] = 2;
        if (!inRegion[i]) pass[i] = 0;
      }
    }
    var out = [];
    var groups = new Set();
    for (i = 0; i < N; i++) {
      if (!pass[i]) continue;
      var pub = publisherOf[i];
      if (collapse && pub >= 0 && !openGroups.has(pub) && !pinned.has(i)) groups.add(pub);
      else out.push(i);
    }
    groups.forEach(function (pub) { out.push(groupId(pub)); });
    return out;
  }

  // Depth of a region in the tree (0: a province or a region with no parent).
  var depthMemo = {};
  function regionDepth(name) {
    if (has(depthMemo, name)) return depthMemo[name];
    var depth = 0, step = name, seen = new Set([name]);
    while (has(regionParents, step) && !seen.has(regionParents[step])) {
      step = regionParents[step];
      seen.add(step);
      depth++;
    }
    depthMemo[name] = depth;
    return depth;
  }
  // Overview order: the top three levels of regions, bureaus, deeper
  // regions, report groups, the rest; within each, by degree. So a big graph
  // opens on its region tree and the bureaus that hang from it.
  function importance(id) {
    var tier;
    if (isGroup(id)) return 5e9 - reportsOf[groupPublisher(id)].length;
    var t = info[id].type;
    if (t === "Region") {
      var depth = regionDepth(info[id].label);
      tier = depth < 3 ? depth : 4;
    } else {
      tier = t === "Bureau" ? 3 : 6;
    }
    return tier * 1e9 - Math.min(degree[id], 1e8);
  }

  // Sync vis-network's DataSets with the wanted set of node ids.
  function setView(wanted) {
    var want = new Set(wanted);
    pinned.forEach(function (i) { want.add(i); });
    var current = nodes.getIds();
    var drop = current.filter(function (id) { return !want.has(id); });
    var add = [];
    want.forEach(function (id) { if (!nodes.get(id)) add.push(visNode(id)); });
    if (drop.length) nodes.remove(drop);
    if (add.length) nodes.add(add);
    var wantEdges = new Set();
    var edgeAdd = [];
    want.forEach(function (id) {
      if (isGroup(id)) {
        var pub = groupPublisher(id);
        if (want.has(pub)) {
          var gid = "p" + pub;
          wantEdges.add(gid);
          if (!viewEdges.has(gid)) {
            edgeAdd.push({ id: gid, from: id, to: pub, color: { color: "#b07aa1" }, dashes: false, title: "发布（publisher）" });
          }
        }
        return;
      }
      adjacency[id].forEach(function (a) {
        if (a.out && want.has(a.other)) {
          wantEdges.add(a.edge);
          if (!viewEdges.has(a.edge)) edgeAdd.push(visEdge(a.edge));
        }
      });
    });
    var edgeDrop = [];
    viewEdges.forEach(function (e) { if (!wantEdges.has(e)) edgeDrop.push(e); });
    if (edgeDrop.length) edges.remove(edgeDrop);
    if (edgeAdd.length) edges.add(edgeAdd);
    viewEdges = wantEdges;
  }

  // Add nodes to the view without recomputing the filters (search, expand):
  // cost follows the nodes added, not the graph. Past the draw budget the
  // oldest additions leave first.
  function addToView(ids) {
    ids.forEach(function (id) { pinned.add(id); });
    var fresh = ids.filter(function (id) { return !nodes.get(id); });
    var over = nodes.length + fresh.length - limits.draw;
    if (over > 0) {
      var keep = new Set(ids);
      var victims = [];
      pinned.forEach(function (id) {
        if (victims.length < over && !keep.has(id) && id !== selected && nodes.get(id)) victims.push(id);
      });
      victims.forEach(function (id) { pinned.delete(id); });
      removeFromView(victims);
    }
    if (!fresh.length) return;
    nodes.add(fresh.map(visNode));
    var edgeAdd = [];
    function link(edgeId, make) {
      if (!viewEdges.has(edgeId)) { viewEdges.add(edgeId); edgeAdd.push(make()); }
    }
    fresh.forEach(function (id) {
      if (isGroup(id)) return;
      adjacency[id].forEach(function (a) {
        if (nodes.get(a.other)) link(a.edge, function () { return visEdge(a.edge); });
      });
    });
    if (edgeAdd.length) edges.add(edgeAdd);
    updateCount();
  }

  function removeFromView(ids) {
    if (!ids.length) return;
    var drop = [];
    ids.forEach(function (id) {
      if (isGroup(id)) {
        var gid = "p" + groupPublisher(id);
        if (viewEdges.delete(gid)) drop.push(gid);
        return;
      }
      adjacency[id].forEach(function (a) { if (viewEdges.delete(a.edge)) drop.push(a.edge); });
    });
    if (drop.length) edges.remove(drop);
    nodes.remove(ids);
  }

  var lastCandidates = 0;
  var overview = false;

  function applyFilters(options) {
    options = options || {};
    var all = candidates();
    lastCandidates = all.length;
    overview = all.length > limits.draw;
    if (overview) {
      all = all
        .map(function (id) { return [importance(id), isGroup(id) ? N + groupPublisher(id) : id, id]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
        .slice(0, limits.overview || limits.draw)
        .map(function (k) { return k[2]; });
    }
    trimPinned(all.length);
    if (selected !== null && !all.some(function (id) { return id === selected; }) && !pinned.has(selected)) clearSelection();
    setView(all);
    updateCount();
    if (options.relayout !== false && (!filtersAreDefault() || overview) && nodes.length > 1 && nodes.length <= limits.relayout) relayout();
    else if (options.fit !== false && nodes.length) network.fit();
  }

  // Nodes brought in by search and expand stay until the view would pass
  // the draw budget; then the oldest go first (never the selected one).
  function trimPinned(base) {
    var room = Math.max(0, limits.draw - base);
    if (pinned.size <= room) return;
    var excess = pinned.size - room;
    var victims = [];
    pinned.forEach(function (id) {
      if (victims.length < excess && id !== selected) victims.push(id);
    });
    victims.forEach(function (id) { pinned.delete(id); });
  }

  function updateCount() {
    var shown = nodes.length;
    var shownEdges = edges.length;
    if (shown === N && shownEdges === data.edges.length) {
      countLabel.textContent = N + " 个节点 · " + data.edges.length + " 条关系";
    } else {
      countLabel.textContent = "显示 " + shown + " / " + N + " 个节点 · " + shownEdges + " 条关系";
    }
    var hidden = [];
    if (overview) hidden.push("图较大：先显示概览（关系最多的地区和教育局）" + (limits.overview || limits.draw) + " / " + lastCandidates + " 个；搜索或点击节点展开其邻居（视图最多 " + limits.draw + " 个节点）");
    var isolated = 0;
    if (!isolatedBox.checked) for (var i = 0; i < N; i++) if (degree[i] === 0) isolated++;
    if (isolated) hidden.push(isolated + " 个孤立节点已隐藏（勾选“孤立节点”显示）");
    notice.textContent = hidden.join("；");
    notice.hidden = hidden.length === 0;
  }

  // A fresh force layout for small filtered views, so a filter leaves no holes.
  // One handler for every run: a relayout asked for while one is running
  // restarts it, and physics is switched off once the last one settles.
  var layoutRuns = 0;
  var layoutBusy = false;
  network.on("stabilizationIterationsDone", function () {
    if (!layoutBusy) return;
    layoutBusy = false;
    network.setOptions({ physics: { enabled: false } });
    var pos = network.getPositions();
    Object.keys(pos).forEach(function (k) { placed[isNaN(Number(k)) ? k : Number(k)] = pos[k]; });
    network.once("afterDrawing", markReady);
    network.fit();
    layoutRuns++;
    root.removeAttribute("data-kg-layout-busy");
    root.setAttribute("data-kg-layout", String(layoutRuns));
  });
  function relayout() {
    // Start from the precomputed arrangement shrunk to the size the view
    // needs: in a big graph its nodes sit far apart, where forces are weak.
    var ids = nodes.getIds();
    var pos = network.getPositions(ids);
    var xs = ids.map(function (id) { return pos[id].x; });
    var ys = ids.map(function (id) { return pos[id].y; });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var extent = Math.max(maxX - minX, maxY - minY, 1);
    var target = 90 * Math.sqrt(ids.length);
    if (extent > target) {
      var k = target / extent, cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
      nodes.update(ids.map(function (id, n) {
        return { id: id, x: Math.round((xs[n] - cx) * k), y: Math.round((ys[n] - cy) * k) };
      }));
    }
    layoutBusy = true;
    root.setAttribute("data-kg-layout-busy", "1");
    network.setOptions({ physics: { enabled: true, solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.04, springLength: 90, avoidOverlap: 0.4 }, stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true } } });
    network.stabilize(200);
  }

  function resetFilters() {
    typeBoxes.forEach(function (box) { box.checked = true; });
    regionSelect.value = "";
    yearSelect.value = "";
    isolatedBox.checked = false;
    collapseBox.checked = true;
    pinned.clear();
    openGroups.clear();
    placed = {};
    nodes.clear();
    edges.clear();
    viewEdges = new Set();
    applyFilters({ relayout: false });
  }

  // A changed filter starts from what it lets through: nodes added by search
  // and expand leave (the selected one stays if the filter keeps it).
  function filterChanged() {
    pinned.clear();
    applyFilters();
  }
  typeBoxes.forEach(function (box) { box.addEventListener("change", filterChanged); });
  [regionSelect, yearSelect, isolatedBox, collapseBox].forEach(function (c) { c.addEventListener("change", filterChanged); });
  $("kg-reset").addEventListener("click", resetFilters);
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // ---- highlighting (only what is in the view) -----------------------------
  var dimNodes = new Set();
  var dimEdges = new Set();
  var dimNodeColor = { background: data.dim.color, border: data.dim.color };
  var dimFont = { color: data.dim.font };
  function typeColor(id) {
    var t = isGroup(id) ? data.types.Report : data.types[info[id].type];
    return t.color;
  }
  function edgeColor(id) {
    return typeof id === "string" ? { color: "#b07aa1" } : data.edges[id].color;
  }
  var edgeFont = { color: data.options.edges.font.color };

  function highlight(id) {
    var keepNodes = new Set([id]);
    var keepEdges = new Set();
    if (isGroup(id)) {
      keepNodes.add(groupPublisher(id));
      keepEdges.add("p" + groupPublisher(id));
    } else {
      adjacency[id].forEach(function (a) { keepNodes.add(a.other); keepEdges.add(a.edge); });
      if (has(reportsOf, id)) { keepNodes.add(groupId(id)); keepEdges.add("p" + id); }
    }
    var nodeUpdates = [];
    nodes.getIds().forEach(function (i) {
      var dim = !keepNodes.has(i);
      if (dim && !dimNodes.has(i)) { dimNodes.add(i); nodeUpdates.push({ id: i, color: dimNodeColor, font: dimFont }); }
      else if (!dim && dimNodes.has(i)) { dimNodes.delete(i); nodeUpdates.push({ id: i, color: typeColor(i), font: { color: data.fontColor } }); }
    });
    var edgeUpdates = [];
    edges.getIds().forEach(function (j) {
      var dim = !keepEdges.has(j);
      if (dim && !dimEdges.has(j)) {
        dimEdges.add(j);
        edgeUpdates.push({ id: j, color: { color: data.dim.color, highlight: data.dim.color, hover: data.dim.color }, font: dimFont });
      } else if (!dim && dimEdges.has(j)) {
        dimEdges.delete(j);
        edgeUpdates.push({ id: j, color: edgeColor(j), font: edgeFont });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  function clearHighlight() {
    var nu = [], eu = [];
    dimNodes.forEach(function (i) { if (nodes.get(i)) nu.push({ id: i, color: typeColor(i), font: { color: data.fontColor } }); });
    dimEdges.forEach(function (j) { if (edges.get(j)) eu.push({ id: j, color: edgeColor(j), font: edgeFont }); });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    dimNodes.clear();
    dimEdges.clear();
  }

  // ---- expand: bring a node's neighbours into the view ----------------------
  function ring(centre, ids) {
    var r = 120 + 6 * ids.length;
    ids.forEach(function (id, k) {
      var angle = 2 * Math.PI * k / ids.length;
      placed[id] = { x: Math.round(centre.x + r * Math.cos(angle)), y: Math.round(centre.y + r * Math.sin(angle)) };
    });
  }

  function expand(id) {
    var centre = nodes.get(id) ? network.getPosition(id) : { x: data.nodes[id].x, y: data.nodes[id].y };
    var fresh = [];
    if (isGroup(id)) {
      var pub = groupPublisher(id);
      openGroups.add(pub);
      fresh = reportsOf[pub].filter(function (r) { return !nodes.get(r); });
    } else {
      var others = [];
      var seen = new Set();
      adjacency[id].forEach(function (a) {
        if (!seen.has(a.other) && !nodes.get(a.other)) { seen.add(a.other); others.push(a.other); }
      });
      others.sort(function (a, b) { return degree[b] - degree[a] || a - b; });
      fresh = others.slice(0, limits.expand);
    }
    ring(centre, fresh);
    if (isGroup(id)) {
      removeFromView([id]);
      addToView(fresh);
    } else {
      addToView([id].concat(fresh));
    }
    return fresh.length;
  }

  // ---- side panel ----------------------------------------------------------
  var panel = $("kg-panel");
  var panelBody = $("kg-panel-body");

  function addRow(dl, term, value) {
    if (value === "" || value === null || value === undefined) return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", value));
  }
  function nodeButton(id) {
    var link = el("button", info[id].label, "kg-link");
    link.type = "button";
    link.title = typeName(info[id].type);
    link.addEventListener("click", function () { selectNode(id, true); });
    return link;
  }

  function showGroupPanel(id) {
    var pub = groupPublisher(id);
    var reports = reportsOf[pub].slice().sort(function (a, b) { return info[b].year - info[a].year || a - b; });
    panelBody.textContent = "";
    panelBody.appendChild(el("h2", info[pub].label + " 的报告（" + reports.length + "）"));
    var list = el("ul", null, "kg-reports");
    reports.forEach(function (r) {
      var li = el("li");
      li.appendChild(nodeButton(r));
      if (info[r].year) li.appendChild(el("small", " " + info[r].year, "kg-muted"));
      list.appendChild(li);
    });
    panelBody.appendChild(list);
    panel.hidden = false;
  }

  function showPanel(id) {
    if (isGroup(id)) { showGroupPanel(id); return; }
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
    // An entity named in many reports lists them all in `source`: show the
    // first few and the count (the full list is in the CSV export).
    var sources = n.source ? n.source.split(" | ") : [];
    addRow(dl, "来源", sources.length > 3
      ? sources.slice(0, 3).join("、") + " 等 " + sources.length + " 份报告"
      : sources.join("、"));
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
    rels.slice(0, 500).forEach(function (a) {
      var e = edgeInfo[a.edge];
      var li = el("li");
      var head = el("div");
      var relText = relationName(e.relation) + "（" + e.relation + "）";
      head.appendChild(el("span", a.out ? "→ " + relText + " → " : "← " + relText + " ← ", "kg-rel"));
      head.appendChild(nodeButton(a.other));
      if (e.status && e.status !== "reported") head.appendChild(el("span", statusName(e.status), "kg-planned"));
      li.appendChild(head);
      if (e.evidence) li.appendChild(el("p", e.evidence, "kg-evidence"));
      list.appendChild(li);
    });
    if (rels.length > 500) list.appendChild(el("li", "……另有 " + (rels.length - 500) + " 条", "kg-muted"));
    panelBody.appendChild(list);
    panel.hidden = false;
  }

  function hidePanel() {
    panel.hidden = true;
    panelBody.textContent = "";
  }

  var selected = null;

  // Select a node: bring it (and, on a click, its neighbours) into the view,
  // centre it, dim the rest and show its panel.
  function selectNode(id, focus, grow) {
    if (!nodes.get(id)) addToView([id]);
    if (grow) expand(id);
    if (!nodes.get(id)) {
      // A report group that was just opened: its reports replace it.
      clearSelection();
      showGroupPanel(id);
      return;
    }
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
    if (params.nodes.length) selectNode(params.nodes[0], true, true);
    else if (!params.edges.length) clearSelection();
  });
  $("kg-panel-close").addEventListener("click", clearSelection);

  // ---- export of the current view -------------------------------------------
  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function csvCell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    // A leading = + - @ would be run as a formula by a spreadsheet.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function csv(rows) {
    return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function nodesCsv() {
    var rows = [["iri", "label", "type", "region", "year", "degree", "aliases"]];
    nodes.getIds().forEach(function (id) {
      if (isGroup(id)) {
        var pub = groupPublisher(id);
        rows.push(["", info[pub].label + " 的报告（" + reportsOf[pub].length + "）", "ReportGroup", info[pub].region, "", reportsOf[pub].length, ""]);
        return;
      }
      var n = info[id];
      rows.push([n.iri, n.label, n.type, n.region, n.year || "", degree[id], n.aliases.join(" | ")]);
    });
    return csv(rows);
  }
  function edgesCsv() {
    var rows = [["source", "source_label", "relation", "target", "target_label", "status", "evidence"]];
    edges.getIds().forEach(function (j) {
      if (typeof j === "string") return;
      var e = data.edges[j], x = edgeInfo[j];
      rows.push([info[e.from].iri, info[e.from].label, x.relation, info[e.to].iri, info[e.to].label, x.status, x.evidence]);
    });
    return csv(rows);
  }
  function pngBlob(callback) {
    var source = document.querySelector("#kg-network canvas");
    var out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor || "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    out.toBlob(callback, "image/png");
  }
  $("kg-png").addEventListener("click", function () { pngBlob(function (b) { download(b, "edukg-view.png"); }); });
  $("kg-csv-nodes").addEventListener("click", function () { download(new Blob([nodesCsv()], { type: "text/csv" }), "edukg-view-nodes.csv"); });
  $("kg-csv-edges").addEventListener("click", function () { download(new Blob([edgesCsv()], { type: "text/csv" }), "edukg-view-edges.csv"); });

  // Served by `kg serve`: link to its query page.
  // The link is set here, not in the markup: a page opened from disk links
  // nowhere.
  if (location.protocol === "http:" || location.protocol === "https:") {
    $("kg-sparql").href = "/sparql";
    $("kg-sparql").hidden = false;
  }

  // ---- search (over every node, drawn or not) ---------------------------------
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
    if (!ids.length) results.appendChild(el("li", "无匹配", "kg-empty"));
    ids.forEach(function (id) {
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.appendChild(document.createTextNode(info[id].label + " "));
      var extra = typeName(info[id].type);
      if (!nodes.get(id)) extra += " · 未显示，点击加入视图";
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

  // ---- start ------------------------------------------------------------------
  // Ready (read by tests and bench/bench_html.py to time the page) at the
  // first complete draw, or, when the first view is laid out afresh (the
  // overview of a big graph), once that layout has settled.
  function markReady() {
    if (!root.hasAttribute("data-kg-ready")) {
      root.setAttribute("data-kg-ready", String(Math.round(performance.now())));
    }
  }
  applyFilters();
  if (!layoutBusy) {
    network.once("afterDrawing", markReady);
    network.redraw();
  }

  // Test hook for headless checks and for scripting the page by hand.
  window.kgExplorer = {
    network: network,
    select: selectNode,
    expand: expand,
    search: findMatches,
    filter: applyFilters,
    nodesCsv: nodesCsv,
    edgesCsv: edgesCsv,
    png: pngBlob
  };
})();
