/* Kakehashi search: Pagefind (one bundle per language, built by hooks/search.py) in Material's search
   dialog, with Material's result markup and keyboard shortcuts. Self-hosted: every request goes to
   this site. Query rules mirror src/kakehashi/search_index.py:
   - NFKC first (ＰＭＤＡ -> PMDA, ｸﾗｽⅢ -> クラスIII);
   - for the Japanese index, every kana/kanji is a word, so the query is split the same way and a
     result must contain each run of kana/kanji contiguously (word positions, then the text);
   - stemming and diacritic folding are Pagefind's (approvals, reglementation, dispositifs).
   The reader's language is searched; the other languages only when "Search all languages" is on. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kk-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  // Same characters as kakehashi.search_index.CJK_CLASS (a test compares them).
  var CJK_CLASS = "\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var CJK_LANGUAGES = ["ja"];  // languages whose index has one word per kana/kanji
  var CJK_CHAR = new RegExp("[" + CJK_CLASS + "]", "g");
  var CJK_ONLY = new RegExp("^[" + CJK_CLASS + "]$");
  var CJK_GAP = new RegExp("([" + CJK_CLASS + "])\\s+", "g");          // spaces after a kana or kanji
  var CJK_GAP_BEFORE = new RegExp("\\s+(?=[" + CJK_CLASS + "])", "g");  // and before one
  var BATCH = 10;        // results rendered at a time (Material renders 10 too)
  var MAX_CHECKED = 40;  // fragments loaded at most to verify Japanese runs for one batch
  var DELAY = 50;        // ms of quiet typing before a search

  var form = root.querySelector(".md-search__form");
  var input = root.querySelector(".md-search__input");
  var output = root.querySelector(".md-search-result");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var scroller = root.querySelector(".md-search__scrollwrap");
  var allBox = root.querySelector("[data-kk-search-all]");
  var lang = root.getAttribute("data-kk-lang");
  var bundles = JSON.parse(root.getAttribute("data-kk-bundles"));
  var names = JSON.parse(root.getAttribute("data-kk-names") || "{}");
  var text = JSON.parse(root.getAttribute("data-kk-strings"));
  var others = document.createElement("div");
  output.appendChild(others);

  /* ---- engines: one Pagefind module (and web worker) per language bundle, loaded on first use ---- */
  var engines = {};
  function engine(code) {
    if (!engines[code]) {
      var url = new URL(bundles[code] + "pagefind.js", location.href).href;
      engines[code] = import(url).then(function (pagefind) {
        // Japanese: dakuten count (ガ is not カ), and exact phrases of kana need it.
        return pagefind.options({ exactDiacritics: CJK_LANGUAGES.indexOf(code) >= 0 })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      engines[code].catch(function () { delete engines[code]; });
    }
    return engines[code];
  }

  /* ---- queries ---- */
  /* Japanese index: each whitespace-free piece of the query (製造販売業者, クラスIII, PMDA) is a "unit":
     its words (製 造 販 売 業 者 / ク ラ ス iii) must stand side by side, and the page must contain it
     as written (Pagefind would also take PMDA for the start of pmd-act, a compound it indexes as one). */
  function prepare(query, code) {
    var normal = query.normalize("NFKC").trim();
    var cjk = CJK_LANGUAGES.indexOf(code) >= 0;
    var units = !cjk ? [] : normal.split(/[\s"]+/).map(function (piece) {
      return piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    }).filter(Boolean).map(function (piece) {
      return { text: piece.toLowerCase(), tokens: piece.toLowerCase().replace(CJK_CHAR, " $& ").trim().split(/\s+/) };
    });
    var terms = (cjk ? normal.replace(CJK_CHAR, " $& ") : normal).replace(/\s+/g, " ").trim();
    var longest = units.reduce(function (n, unit) { return Math.max(n, unit.tokens.length); }, 0);
    // A query that is one such unit is a phrase: Pagefind's exact search keeps only pages where the
    // words stand in that order (far fewer word positions to score than all pages with each kanji).
    if (units.length === 1 && longest > 1 && !/\s/.test(normal) && normal.indexOf('"') < 0) terms = '"' + terms + '"';
    return { terms: terms, units: units, cjk: cjk, longest: longest };
  }

  function searchable(query) {
    var normal = query.normalize("NFKC").trim();
    return normal.length >= 2 || normal.search(CJK_CHAR) >= 0;
  }

  function longestStretch(locations) {
    var seen = new Set(locations), best = 0;
    seen.forEach(function (at) {
      if (seen.has(at - 1)) return;
      var n = 1;
      while (seen.has(at + n)) n++;
      if (n > best) best = n;
    });
    return best;
  }

  function compact(content) {
    return glue(content || "").toLowerCase();
  }

  function contains(data, prepared) {
    if (!prepared.units.length) return true;
    var body = compact(data.content);
    return prepared.units.every(function (unit) { return body.indexOf(unit.text) >= 0; });
  }

  /* One language: Pagefind's ranking, then (Japanese) only pages with the runs in one piece. */
  function searchIn(code, query) {
    var prepared = prepare(query, code);
    return engine(code).then(function (pagefind) {
      return pagefind.search(prepared.terms);
    }).then(function (found) {
      var candidates = found.results;
      if (prepared.longest > 1) {
        candidates = candidates.filter(function (r) { return longestStretch(r.words) >= prepared.longest; });
      }
      return { code: code, prepared: prepared, candidates: candidates, next: 0, rejected: 0 };
    });
  }

  /* The next verified results of a search: fragments load in parallel, BATCH at a time, and each
     result is handed to ``show`` as soon as it and the ones ranked above it are in. */
  function more(state, show) {
    var taken = 0, checked = 0;
    function step() {
      if (taken >= BATCH || state.next >= state.candidates.length || checked >= MAX_CHECKED) {
        return Promise.resolve(taken);
      }
      var slice = state.candidates.slice(state.next, state.next + BATCH - taken);
      state.next += slice.length;
      checked += slice.length;
      var loads = slice.map(function (r) { return r.data(); });
      return loads.reduce(function (previous, load) {
        return previous.then(function () { return load; }).then(function (data) {
          if (contains(data, state.prepared)) { taken++; show(data); }
          else state.rejected++;
        });
      }, Promise.resolve()).then(step);
    }
    return step();
  }

  /* ---- excerpts: the words around the best match, matches in <mark> ---- */
  /* The Japanese index has a space on each side of every kana and kanji (search_index.py, rule 3):
     text shown to the reader is glued back together. */
  function glue(text) { return text.replace(CJK_GAP, "$1").replace(CJK_GAP_BEFORE, ""); }

  function joiner(before, after) {
    return CJK_ONLY.test(before.slice(-1)) || CJK_ONLY.test(after.charAt(0)) ? "" : " ";
  }

  function words(data) {
    if (!data.kkWords) {
      data.kkWords = (data.raw_content || "").split(/[\r\n\s]+/g).map(function (w) {
        return w.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      });
    }
    return data.kkWords;
  }

  function fits(word, token) { return CJK_ONLY.test(token) ? word === token : word.indexOf(token) === 0; }

  function marked(data, sub, prepared) {
    var all = words(data), marks = new Set();
    var locations = bodyLocations(data, sub);
    if (!locations.length) locations = sub.locations || [];
    locations.forEach(function (at) {
      if (!prepared.cjk || !CJK_ONLY.test((all[at] || "").trim())) marks.add(at);
    });
    if (prepared.cjk && locations.length) {
      var from = Math.min.apply(null, locations), to = Math.max.apply(null, locations);
      prepared.units.forEach(function (unit) {
        var n = unit.tokens.length;
        for (var i = from; i <= to; i++) {
          var k = 0;
          while (k < n && fits((all[i + k] || "").trim().toLowerCase(), unit.tokens[k])) k++;
          if (k === n) for (k = 0; k < n; k++) marks.add(i + k);
        }
      });
    }
    return marks;
  }

  function teaser(data, sub, prepared) {
    var all = words(data), marks = marked(data, sub, prepared);
    var length = prepared.cjk ? 80 : 30, lead = prepared.cjk ? 16 : 6;
    var first = marks.size ? Math.min.apply(null, Array.from(marks)) : (sub.anchor ? sub.anchor.location : 0);
    var start = Math.max(0, first - lead), end = Math.min(all.length, start + length);
    var p = document.createElement("p");
    p.className = "md-search-result__teaser";
    var open = null;
    if (start > 0) p.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      var word = all[i];
      var gap = i > start ? (prepared.cjk ? joiner(all[i - 1], word) : " ") : "";
      if (marks.has(i)) {
        if (!open) {
          if (gap) p.appendChild(document.createTextNode(gap));
          open = document.createElement("mark");
          p.appendChild(open);
        } else if (gap) {
          open.appendChild(document.createTextNode(gap));
        }
        open.appendChild(document.createTextNode(word));
      } else {
        open = null;
        p.appendChild(document.createTextNode(gap + word));
      }
    }
    if (end < all.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  /* ---- rendering in Material's markup ---- */
  function clean(title, cjk) {
    title = (title || "").replace(/¶\s*$/, "").trim();
    return cjk ? glue(title) : title;
  }

  function article(href, level, title, body, icon) {
    var a = document.createElement("a");
    a.href = href;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    var art = document.createElement("article");
    art.className = "md-search-result__article md-typeset";
    if (icon) {
      var i = document.createElement("div");
      i.className = "md-search-result__icon md-icon";
      art.appendChild(i);
    }
    var h = document.createElement(level);
    h.textContent = title;
    art.appendChild(h);
    if (body) art.appendChild(body);
    a.appendChild(art);
    return a;
  }

  /* The page title opens the content: a match there says nothing about where to go in the page. */
  function titleWords(data) {
    var title = data.meta.title || "";
    return title.split(/\s+/).filter(Boolean).length;
  }

  function bodyLocations(data, sub) {
    if (sub.anchor) return sub.locations || [];
    var skip = titleWords(data);
    return (sub.locations || []).filter(function (at) { return at >= skip; });
  }

  function weight(data, sub) {
    var skip = sub.anchor ? -1 : titleWords(data);
    return (sub.weighted_locations || []).reduce(function (sum, l) {
      return l.location >= skip ? sum + (l.weight || 1) : sum;
    }, 0);
  }

  function item(data, prepared, code) {
    var subs = (data.sub_results && data.sub_results.length) ? data.sub_results.slice() : [
      { title: data.meta.title, url: data.url, locations: data.locations, weighted_locations: data.weighted_locations }
    ];
    if (prepared.longest > 1) {
      var whole = subs.filter(function (s) { return longestStretch(s.locations || []) >= prepared.longest; });
      if (whole.length) subs = whole;
    }
    subs.sort(function (a, b) { return weight(data, b) - weight(data, a); });
    var best = subs[0];
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    if (code !== lang) li.lang = code;
    li.appendChild(article(best.url, "h1", clean(data.meta.title, prepared.cjk), teaser(data, best, prepared), true));
    var rest = subs.slice(1).filter(function (s) { return s.url !== best.url; });
    rest.slice(0, 2).forEach(function (s) {
      li.appendChild(article(s.url, "h2", clean(s.title, prepared.cjk), teaser(data, s, prepared)));
    });
    if (rest.length > 2) {
      var details = document.createElement("details");
      details.className = "md-search-result__more";
      var summary = document.createElement("summary");
      summary.tabIndex = -1;
      var label = document.createElement("div");
      label.textContent = rest.length - 2 === 1 ? text["more.one"] : text["more.other"].replace("#", rest.length - 2);
      summary.appendChild(label);
      details.appendChild(summary);
      rest.slice(2).forEach(function (s) {
        details.appendChild(article(s.url, "h2", clean(s.title, prepared.cjk), teaser(data, s, prepared)));
      });
      li.appendChild(details);
    }
    return li;
  }

  function count(n) { return n === 0 ? text.none : n === 1 ? text.one : text.other.replace("#", n); }

  function total(state) { return Math.max(0, state.candidates.length - state.rejected); }

  /* ---- the search loop ---- */
  var seq = 0, timer = null, current = [];

  function reset(message) {
    seq++;
    current = [];
    list.textContent = "";
    others.textContent = "";
    meta.textContent = message;
  }

  function appendBatch(state, target, mine) {
    return more(state, function (data) {
      if (mine === undefined || mine === seq) target.appendChild(item(data, state.prepared, state.code));
    });
  }

  function run() {
    var query = input.value;
    root.removeAttribute("data-kk-done");
    if (!searchable(query)) { reset(text.placeholder); root.setAttribute("data-kk-done", query); return; }
    var mine = ++seq;
    if (!engines[lang]) meta.textContent = text.initializer;
    var codes = [lang].concat(allBox && allBox.checked ? Object.keys(bundles).filter(function (c) { return c !== lang; }) : []);
    var pending = codes.length;
    // data-kk-done says which query the results on screen answer (tests and benchmarks wait for it).
    function finished() { if (mine === seq && --pending === 0) root.setAttribute("data-kk-done", query); }
    // This run's groups for the other languages, in language order; shown with the reader's results,
    // whichever language answers first.
    var fresh = document.createElement("div"), shown = false, states = [];
    function show() {
      if (shown || mine !== seq) return;
      shown = true;
      list.textContent = "";
      others.replaceWith(fresh);
      others = fresh;
      current = states;
    }
    codes.forEach(function (code, index) {
      var target = list, heading = meta;
      if (index > 0) {
        var group = document.createElement("div");
        group.setAttribute("data-kk-group", code);
        group.lang = code;
        heading = document.createElement("div");
        heading.className = "md-search-result__meta";
        target = document.createElement("ol");
        target.className = "md-search-result__list";
        target.setAttribute("role", "presentation");
        group.appendChild(heading);
        group.appendChild(target);
        fresh.appendChild(group);
      }
      searchIn(code, query).then(function (state) {
        if (mine !== seq) return null;
        if (index === 0) show();
        states[index] = { state: state, target: target };
        return appendBatch(state, target, mine).then(function () {
          if (mine !== seq) return;
          var label = count(total(state));
          heading.textContent = index === 0 ? label : (names[code] || code) + " · " + label;
        });
      }).catch(function (error) {
        if (mine !== seq) return;
        if (index === 0) { show(); meta.textContent = text.error; }
        if (window.console) console.error("Kakehashi search:", error);
      }).then(finished);
    });
  }

  /* A keystroke after a pause searches at once; one that follows another within DELAY ms waits for
     typing to pause, but the index chunks of what is typed so far start loading at once (Pagefind's
     preload), so the search that follows finds them in the cache. */
  var lastInput = 0;
  function schedule() {
    clearTimeout(timer);
    var now = Date.now(), quiet = now - lastInput >= DELAY;
    lastInput = now;
    if (quiet) { run(); return; }  // the first keystroke after a pause (or a paste) searches at once
    timer = setTimeout(run, DELAY);
    var query = input.value;
    if (searchable(query)) {
      engine(lang).then(function (pagefind) { return pagefind.preload(prepare(query, lang).terms); })
        .catch(function () { /* reported when searching */ });
    }
  }

  /* Material renders more results as the list scrolls: so do we. */
  var loading = false;
  scroller.addEventListener("scroll", function () {
    if (loading || scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 32) return;
    var open = current.filter(function (c) { return c && c.state.next < c.state.candidates.length; })[0];
    if (!open) return;
    loading = true;
    var mine = seq;
    appendBatch(open.state, open.target, mine).then(function () { loading = false; }, function () { loading = false; });
  });

  /* ---- dialog and keyboard, as Material does ---- */
  function setOpen(open) {
    if (toggle.checked !== open) toggle.checked = open;
    if (open) engine(lang).catch(function () { /* reported when searching */ });
  }

  function editable(el) {
    if (!el) return false;
    if (el.tagName === "INPUT") return !/^(checkbox|radio|button|submit|reset|image|range|color)$/.test(el.type);
    return el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName);
  }

  function resultLinks() {
    return Array.prototype.slice.call(
      output.querySelectorAll(":not(details) > a[href], summary, details[open] a[href]")
    );
  }

  // A pointer on its way to the search field: start loading the engine (about 150 KB) now.
  function warm() { engine(lang).catch(function () { /* reported when searching */ }); }
  form.addEventListener("pointerenter", warm, { once: true });
  document.querySelectorAll('label[for="__search"]').forEach(function (label) {
    label.addEventListener("pointerdown", warm, { once: true });
  });
  input.addEventListener("focus", function () { setOpen(true); });
  input.addEventListener("input", schedule);
  if (allBox) allBox.addEventListener("change", function () { if (input.value) run(); });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { setOpen(true); setTimeout(function () { input.focus(); }, 50); }
    else input.blur();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = output.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { reset(text.placeholder); input.focus(); }, 0);
  });
  output.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a[href]")) setOpen(false);
  });
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) setOpen(false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    var active = document.activeElement;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !editable(active)) {
        event.preventDefault();
        setOpen(true);
        input.focus();
        input.select();
      }
      return;
    }
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        setOpen(false);
        input.blur();
        break;
      case "ArrowUp":
      case "ArrowDown":
        if (active === allBox) return;
        var targets = [input].concat(resultLinks());
        var at = Math.max(0, targets.indexOf(active));
        var next = (at + targets.length + (event.key === "ArrowUp" ? -1 : 1)) % targets.length;
        targets[next].focus();
        event.preventDefault();
        break;
      default:
        if (event.key.length === 1 && active !== input && !editable(active) && root.contains(active)) input.focus();
    }
  });
})();
