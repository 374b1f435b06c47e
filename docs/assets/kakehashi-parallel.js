/* Side-by-side reading: ?with=fr (or en, ja) shows this page and its version in that language in two
   columns, aligned section by section on the headings' ids (the same explicit anchors in every
   language); stacked on phones. The other version is fetched from this site only. Without this
   script, the offer's links lead to the other language's page. */
(function () {
  "use strict";
  var offer = document.querySelector("[data-kk-parallel-offer]");
  if (!offer) return;
  var article = offer.closest("article");
  var links = Array.prototype.slice.call(offer.querySelectorAll("a[data-kk-with]"));
  var wanted = new URLSearchParams(location.search).get("with");
  var chosen = null;

  links.forEach(function (link) {
    var lang = link.getAttribute("data-kk-with");
    link.setAttribute("data-kk-page", new URL(link.getAttribute("href"), location.href).href);
    var here = new URL(location.href);
    here.hash = "";
    here.searchParams.set("with", lang);
    link.setAttribute("href", here.pathname + here.search);
    if (lang === wanted) chosen = link;
  });
  if (!chosen) return;
  var page = new URL(chosen.getAttribute("data-kk-page"));
  if (page.origin !== location.origin) return;  // same origin only
  var lang = chosen.getAttribute("data-kk-with");

  function keyOf(node) {
    if (/^H[23]$/.test(node.tagName) && node.id) return node.id;
    if (/^(SECTION|FOOTER)$/.test(node.tagName)) {
      var heading = node.querySelector("h2[id], h3[id]");
      if (heading) return heading.id;
    }
    return null;
  }

  /* The article's content after the offer, cut into sections: [{key, nodes}], the first keyed "top". */
  function sections(root, after) {
    var out = [{key: "top", nodes: []}];
    var started = !after;
    Array.prototype.slice.call(root.children).forEach(function (node) {
      if (!started) { started = node === after; return; }
      if (node.tagName === "SCRIPT" || node.matches(".md-path, [data-kk-parallel-offer], .kk-banner")) return;
      var key = keyOf(node);
      if (key) out.push({key: key, nodes: []});
      out[out.length - 1].nodes.push(node);
    });
    return out;
  }

  /* Imported content: ids made unique (prefixed), references to them and relative links fixed. */
  function adopt(nodes, base) {
    var prefix = "kk-with-" + lang + "-";
    return nodes.map(function (node) {
      var copy = document.importNode(node, true);
      var all = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*")));
      all.forEach(function (el) {
        if (el.tagName === "SCRIPT") { el.remove(); return; }
        if (el.id) el.id = prefix + el.id;
        ["aria-describedby", "aria-labelledby", "for"].forEach(function (name) {
          var value = el.getAttribute(name);
          if (value) el.setAttribute(name, value.split(/\s+/).map(function (id) { return prefix + id; }).join(" "));
        });
        var href = el.getAttribute("href");
        if (href !== null && el.tagName === "A") {
          el.setAttribute("href", href.charAt(0) === "#" ? "#" + prefix + href.slice(1) : new URL(href, base).href);
        }
        var src = el.getAttribute("src");
        if (src !== null) el.setAttribute("src", new URL(src, base).href);
      });
      return copy;
    });
  }

  function cell(nodes, other) {
    var div = document.createElement("div");
    div.className = "kk-parallel__cell" + (other ? " kk-parallel__cell--other" : "");
    if (other) div.setAttribute("lang", lang);
    nodes.forEach(function (node) { div.appendChild(node); });
    return div;
  }

  function show(theirs) {
    var mine = sections(article, offer);
    var mineKeys = mine.map(function (s) { return s.key; });
    var theirKeys = theirs.map(function (s) { return s.key; });
    var byKey = {};
    theirs.forEach(function (s) { byKey[s.key] = s; });
    var rows = [];
    var next = 0;
    function theirsOnlyUntil(end) {
      for (; next < end; next++) {
        if (mineKeys.indexOf(theirKeys[next]) === -1) rows.push([theirKeys[next], null, theirs[next]]);
      }
    }
    mine.forEach(function (section) {
      var index = theirKeys.indexOf(section.key);
      if (index >= next) { theirsOnlyUntil(index); next = index + 1; }
      rows.push([section.key, section, byKey[section.key] || null]);
    });
    theirsOnlyUntil(theirKeys.length);

    var grid = document.createElement("div");
    grid.className = "kk-parallel";
    grid.setAttribute("data-kk-parallel", lang);
    rows.forEach(function (row) {
      var div = document.createElement("div");
      div.className = "kk-parallel__row";
      div.setAttribute("data-kk-section", row[0]);
      div.appendChild(cell(row[1] ? row[1].nodes : [], false));
      div.appendChild(cell(row[2] ? adopt(row[2].nodes, page) : [], true));
      grid.appendChild(div);
    });
    offer.after(grid);
    document.documentElement.classList.add("kk-parallel-mode");
    reachable(grid);
    window.addEventListener("resize", function () { reachable(grid); });
    links.forEach(function (link) {
      if (link === chosen) link.setAttribute("aria-current", "true");
    });
    var single = document.createElement("a");
    single.href = location.pathname;
    single.className = "kk-parallel-offer__single";
    single.textContent = offer.getAttribute("data-kk-single");
    offer.appendChild(document.createTextNode(" "));
    offer.appendChild(single);
  }

  /* Half-width columns make wide tables and code scroll: each scrolling box is reachable by keyboard
     (as the theme does for the page it laid out itself). */
  function reachable(grid) {
    Array.prototype.forEach.call(grid.querySelectorAll(".md-typeset__scrollwrap, pre > code, .kk-parallel__cell > table"), function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-kk-scroll", "");
      } else if (box.hasAttribute("data-kk-scroll")) {  // only what this script made reachable
        box.removeAttribute("tabindex");
        box.removeAttribute("data-kk-scroll");
      }
    });
  }

  function failed() {
    var note = document.createElement("p");
    note.className = "kk-parallel-offer__failed";
    note.setAttribute("role", "status");
    note.textContent = offer.getAttribute("data-kk-failed");
    offer.after(note);
  }

  fetch(page.href, {credentials: "same-origin"})
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var theirArticle = doc.querySelector("article.md-content__inner");
      if (!theirArticle) throw new Error("no article");
      show(sections(theirArticle, theirArticle.querySelector("[data-kk-parallel-offer]")));
    })
    .catch(failed);
})();
