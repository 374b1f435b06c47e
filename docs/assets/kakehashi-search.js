/* Kakehashi search: Pagefind (one bundle per language, built by hooks/search.py) in Material's search
   dialog, with Material's result markup and keyboard shortcuts. Self-hosted: every request goes to
   this site. Query rules mirror src/kakehashi/search_index.py:
   - NFKC first (ＰＭＤＡ -> PMDA, ｸﾗｽⅢ -> クラスIII);
   - for the Japanese index, every kana/kanji is a word, so the query is split the same way and a
     result must contain each run of kana/kanji contiguously (word positions, then the text);
   - stemming and diacritic folding are Pagefind's (approvals, reglementation, dispositifs).
   The reader's language is searched; the other languages only when "Search all languages" is on
   (remembered in localStorage).
   On top of Pagefind (src/kakehashi/build/search_vocabulary.py writes the two files it loads):
   - phrases: a query of several words ranks the pages with them side by side first (word positions),
     then, among the results of a batch, the title with the phrase, the exact phrase, the stems;
   - vocabulary (vocabulary.kk, with the first query): a query that is a termbase term, variant or
     abbreviation in any language also searches the concept's terms in the reader's language, and an
     answer card shows the definition, the three terms and a link to the glossary entry (the
     glossary page itself is then left out of the results: its fragment is a language's largest);
     A query that finds nothing but holds such a form searches it with the reader's term instead;
   - typos (words.kk, loaded with a query that has a word of five letters or more): such a word that
     is not in the pages is replaced by the closest word or term (edit distance 1 or 2), and the
     results say so; a query that finds nothing gets its Japanese numerals rewritten the same way
     (クラス3 -> クラスIII, 第五十四条 -> 第54条);
   - the page opened from a result highlights the query (?highlight=) and scrolls to it. */
(function () {
  "use strict";
  /* ---- folding, as kakehashi.build.search_vocabulary.fold ---- */
  function fold(text) {
    return text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC").replace(/[\u2019\u02bc`]/g, "'").split(/\s+/).filter(Boolean).join(" ");
  }

  /* ---- the page opened from a result: what was searched, highlighted, and the first one in view ---- */
  /* Per-character folding with a map back to the text: a match in the folded text is a range of the
     text node (é and ＰＭＤＡ fold to one or more characters each). */
  function foldedWithMap(value) {
    var out = "", map = [];
    for (var i = 0; i < value.length; i++) {
      var c = value.charAt(i);
      var code = value.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < value.length) { c += value.charAt(i + 1); }
      var f = c.normalize("NFKC").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").replace(/[\u2019\u02bc`]/g, "'");
      for (var k = 0; k < f.length; k++) { out += f.charAt(k); map.push(i); }
      i += c.length - 1;
    }
    map.push(value.length);
    return { text: out, map: map };
  }

  var LETTER = /[\p{L}\p{N}]/u;
  var JAPANESE = /[\u3005-\u3007\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

  /* Where ``needle`` (folded) starts in ``hay``: a phrase or Japanese anywhere; a Latin word only at
     the start of a word, as a stem (approvals -> approval, approved). */
  function matchesIn(hay, needle, stem) {
    var found = [], from = 0, at;
    while ((at = hay.indexOf(needle, from)) >= 0) {
      var end = at + needle.length;
      var startOk = JAPANESE.test(needle) || at === 0 || !LETTER.test(hay.charAt(at - 1));
      if (startOk) {
        if (stem) while (end < hay.length && LETTER.test(hay.charAt(end))) end++;
        found.push([at, end]);
      }
      from = end > at ? end : at + 1;
    }
    return found;
  }

  function textNodes(container) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest("script, style, .headerlink, mark, .kk-furniture, .md-source-file, .kk-term-card, .kk-related, .kk-parallel-offer")) return NodeFilter.FILTER_REJECT;
        return node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  /* Where the words of a phrase stand together with other endings (organismes notifiés for organisme
     notifié): each word as a stem, then the rest of its word. */
  function stemPhraseIn(hay, phrase) {
    var pattern = new RegExp("(?<![\\p{L}\\p{N}])" + phrase.split(" ").map(function (word) {
      return word.slice(0, Math.max(4, word.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[\\p{L}\\p{N}]*";
    }).join("\\s+"), "gu");
    var found = [], match;
    while ((match = pattern.exec(hay))) found.push([match.index, match.index + match[0].length]);
    return found;
  }

  function markAll(nodes, needle, stem, stemPhrase) {
    var marks = [];
    nodes.forEach(function (node) {
      var folded = foldedWithMap(node.nodeValue);
      var found = stemPhrase ? stemPhraseIn(folded.text, needle) : matchesIn(folded.text, needle, stem);
      for (var i = found.length - 1; i >= 0; i--) {
        var start = folded.map[found[i][0]], end = folded.map[found[i][1]];
        var range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        var mark = document.createElement("mark");
        mark.className = "kk-highlight";
        range.surroundContents(mark);
        marks.unshift(mark);
      }
    });
    return marks;
  }

  function highlightPage() {
    var wanted;
    try { wanted = new URLSearchParams(location.search).getAll("highlight"); } catch (e) { return; }
    var container = document.querySelector("[data-pagefind-body]") || document.querySelector(".md-content article");
    if (!wanted.length || !container) return;
    var phrases = wanted.map(function (query) { return fold(query).replace(/["«»“”]/g, "").trim(); }).filter(Boolean);
    var marks = [];
    phrases.forEach(function (phrase) {  // each query (a term's forms come as several) as a whole
      marks = marks.concat(markAll(textNodes(container), phrase, !JAPANESE.test(phrase) && phrase.indexOf(" ") < 0));
    });
    phrases.forEach(function (phrase) {  // else the phrase with other endings (organismes notifiés)
      if (!marks.length && phrase.indexOf(" ") >= 0 && !JAPANESE.test(phrase)) marks = markAll(textNodes(container), phrase, false, true);
    });
    phrases.forEach(function (phrase) {  // else each word (as a stem), Japanese runs as they are
      if (marks.length || phrase.indexOf(" ") < 0) return;
      phrase.split(" ").forEach(function (word) {
        var stem = JAPANESE.test(word) ? word : word.slice(0, Math.max(4, word.length - 2));
        if (Array.from(word).length >= (JAPANESE.test(word) ? 2 : 3)) marks = marks.concat(markAll(textNodes(container), stem, !JAPANESE.test(word)));
      });
    });
    if (!marks.length) return;
    document.documentElement.setAttribute("data-kk-highlighted", String(marks.length));
    // The first mark in the section the result pointed to (its anchor), else the first in the page.
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    marks.sort(function (a, b) { return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1; });
    var first = (target && marks.filter(function (m) {
      return target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING;
    })[0]) || marks[0];
    first.classList.add("kk-highlight--first");
    first.scrollIntoView({ block: "center" });
  }

  highlightPage();

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
  var extras = document.createElement("div");  // "showing results for" and the answer card, above the count
  extras.className = "kk-search-extras";
  output.insertBefore(extras, meta);

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

  /* Latin-script queries of several words: how many, for the phrase ranking (Pagefind's own words). */
  function phraseLength(prepared) {
    if (prepared.cjk) return 0;
    var n = prepared.terms.replace(/"/g, "").split(/[\s\-'’]+/).filter(Boolean).length;
    return n > 1 ? n : 0;
  }

  /* One query in one language: Pagefind's ranking, pages with the words side by side first (phrases),
     then (Japanese) only pages with the runs in one piece. */
  function find(code, query, group, loose) {
    var prepared = prepare(query, code);
    prepared.query = query;
    prepared.phrase = phraseLength(prepared);
    if (loose && prepared.phrase) {
      // A long term (titulaire de l’autorisation de mise sur le marché): its words of four letters or
      // more, as Pagefind loads big index chunks for de, le, sur; the exact phrase ranks first (tier).
      var content = prepared.terms.split(/[\s'’]+/).filter(function (w) { return Array.from(w).length > 3; });
      if (content.length > 1 && content.length < prepared.phrase) { prepared.terms = content.join(" "); prepared.phrase = 1; }
    }
    return engine(code).then(function (pagefind) {
      return pagefind.search(prepared.terms);
    }).then(function (found) {
      var results = found ? found.results : [];
      if (prepared.longest > 1) {
        results = results.filter(function (r) { return longestStretch(r.words) >= prepared.longest; });
      }
      if (prepared.phrase) {
        var together = [], apart = [];
        results.forEach(function (r) { (longestStretch(r.words) >= prepared.phrase ? together : apart).push(r); });
        results = together.concat(apart);
      }
      return results.map(function (r) { return { result: r, prepared: prepared, group: group }; });
    });
  }

  /* Under an answer card, the glossary page is not a result: the card links to its entry. */
  function withoutGlossary(candidates, concept) {
    var skipped = concept ? concept.glossaryPage : null;
    return skipped ? candidates.filter(function (c) { return c.result.id !== skipped; }) : candidates;
  }

  function state(code, candidates, extra) {
    var seen = new Set(), unique = withoutGlossary(candidates, extra && extra.concept).filter(function (c) {
      if (seen.has(c.result.id)) return false;
      seen.add(c.result.id);
      return true;
    });
    var out = { code: code, candidates: unique, next: 0, rejected: 0, concept: null, corrected: null, searched: [] };
    Object.keys(extra || {}).forEach(function (k) { out[k] = extra[k]; });
    return out;
  }

  /* One language, with the vocabulary (the reader's language only) and the second chances: a query
     that finds nothing gets its numerals rewritten; a word of five letters or more that finds nothing
     (Pagefind leaves such a word out of a query of several words) is replaced by the closest word. */
  function searchIn(code, query) {
    if (code !== lang) {
      return find(code, query, 0).then(function (c) { return state(code, c, { searched: [query] }); });
    }
    if (longWords(query).length) wordList(code).catch(function () { /* reported when needed */ });
    return withVocabulary(code, query).then(function (found) {
      var numeral = found.candidates.length ? null : numerals(query);
      var first = numeral ? withVocabulary(code, numeral) : Promise.resolve(null);
      return first.then(function (again) {
        if (again && again.candidates.length) { again.corrected = numeral; return again; }
        return lostWords(code, query, found).then(function (lost) {
          if (!lost.length) return found;
          return corrected(code, query, lost).catch(function (error) {
            if (window.console) console.warn("Kakehashi search word list:", error);
            return null;
          }).then(function (other) {
            if (!other) return found;
            return withVocabulary(code, other).then(function (better) {
              if (!better.candidates.length) return found;
              better.corrected = better.corrected || other;
              return better;
            });
          });
        });
      });
    });
  }

  /* The words of five letters or more of a query that no page has: not in the word list (words.kk)
     nor the start of a word of it (a stem: approv-), or found by nothing (Pagefind matches the stem of
     a misspelt word as a prefix: notifed finds notified, but the reader should be told). */
  // The words the list has: Latin letters only, or katakana only (クラスII and 医療機器 are neither).
  var LISTED = /^(?:[\p{Script=Latin}'-]+|[\u30a1-\u30fa\u30fc-\u30ff]+)$/u;
  function longWords(query) {
    return fold(query).split(" ").map(function (word) {
      return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    }).filter(function (word) { return Array.from(word).length >= 5 && LISTED.test(word); });
  }

  function wordList(code) {
    return packed(code, "words.kk").then(function (list) {
      if (!list.known) {
        list.folded = list.map(fold);
        list.known = new Set(list.folded);
      }
      return list;
    });
  }

  function lostWords(code, query, found) {
    var words = longWords(query);
    if (found.concept || !words.length) return Promise.resolve([]);
    var single = fold(query).indexOf(" ") < 0;
    return wordList(code).catch(function () { return null; }).then(function (list) {
      return Promise.all(words.map(function (word) {
        if (list && list.known.has(word)) return null;
        var finds = single ? Promise.resolve(found.candidates.length) : find(code, word, 0).then(function (c) { return c.length; });
        return finds.then(function (n) {
          if (!n) return word;
          if (!list) return null;
          return list.folded.some(function (known) { return known.lastIndexOf(word, 0) === 0; }) ? null : word;
        });
      }));
    }).then(function (lost) { return lost.filter(Boolean); });
  }

  /* The query, and, when it is a termbase form in any language, the concept's terms in this language:
     the forms of the reader's language first (the query itself when it is one of them). */
  function withVocabulary(code, query) {
    return Promise.all([find(code, query, 1), vocabularyOf(code)]).then(function (done) {
      var own = done[0], concept = lookUp(done[1], query);
      if (!concept && !own.length) return withPart(code, query, done[1], own);
      if (!concept && partLookUp(done[1], query)) {
        // Japanese index, several pieces and a term among them: if the first pages have not all the
        // pieces, the term takes over.
        return verified(own).then(function (ok) {
          return ok ? state(code, own, { searched: [query] }) : withPart(code, query, done[1], []);
        });
      }
      if (!concept) return state(code, own, { searched: [query] });
      var folded = fold(query);
      var mine = concept.search.some(function (form) { return fold(form) === folded; });
      var forms = [concept.search[0]].concat(concept.search.slice(1).filter(function (form) {
        return fold(form) !== fold(concept.search[0]) && fold(form).replace(/'/g, "") !== fold(concept.search[0]).replace(/'/g, "");
      })).filter(function (form) { return fold(form) !== folded; });
      // The term first; its variants only if the term finds nothing (one search each).
      function tryForm(i) {
        if (i >= forms.length) return Promise.resolve({ form: null, candidates: [] });
        return find(code, forms[i], mine ? 2 : 0, true).then(function (c) {
          return c.length || i + 1 >= Math.min(forms.length, 3) ? { form: forms[i], candidates: c } : tryForm(i + 1);
        });
      }
      return tryForm(0).then(function (term) {
        var all = own.concat(term.candidates).sort(function (a, b) { return a.group - b.group; });
        return state(code, all, { concept: concept, searched: [query].concat(term.form ? [term.form] : []) });
      });
    }).catch(function (error) {
      if (window.console) console.warn("Kakehashi search vocabulary:", error);
      return find(code, query, 1).then(function (c) { return state(code, c, { searched: [query] }); });
    });
  }

  /* A query that finds nothing but holds a form of the termbase (notified body certificate, 製造販売業者の
     責任 on the French site): the query with the form replaced by the reader's term, else the term
     alone; the reader is told what was searched. */
  function withPart(code, query, data, own) {
    var part = partLookUp(data, query);
    if (!part) return state(code, own, { searched: [query] });
    var term = part.concept.search[0];
    var folded = fold(query);
    var replaced = (folded.slice(0, part.at) + " " + term + " " + folded.slice(part.at + part.form.length)).replace(/\s+/g, " ").trim();
    var tries = fold(replaced) === fold(term) ? [term] : [replaced, term];
    function attempt(i) {
      if (i >= tries.length) return Promise.resolve(state(code, own, { searched: [query] }));
      return find(code, tries[i], 0, true).then(function (found) {
        var c = withoutGlossary(found, part.concept);
        return verified(c).then(function (ok) {
          if (!ok) return attempt(i + 1);
          return state(code, c, { concept: part.concept, searched: [tries[i]], corrected: tries[i] });
        });
      });
    }
    return attempt(0);
  }

  /* Whether results will remain: Japanese queries of several pieces keep only the pages that have
     each piece, checked on the fragments (of the first five here, as the first batch will be). */
  function verified(candidates) {
    if (!candidates.length) return Promise.resolve(false);
    if (candidates[0].prepared.units.length < 2) return Promise.resolve(true);
    var first = candidates.slice(0, 5);
    return Promise.all(first.map(function (c) { return c.result.data(); })).then(function (loaded) {
      return loaded.some(function (data, i) { return contains(data, first[i].prepared); });
    });
  }

  /* The longest form of the termbase inside the query (whole words in Latin script; Japanese anywhere). */
  function partLookUp(data, query) {
    var folded = fold(query).replace(/["«»“”]/g, " ").replace(/\s+/g, " ").trim(), best = null;
    data.byForm.forEach(function (concept, form) {
      if (form.length < 2 || (best && form.length <= best.form.length)) return;
      var at = folded.indexOf(form);
      while (at >= 0) {
        var japanese = JAPANESE.test(form);
        var before = folded.charAt(at - 1), after = folded.charAt(at + form.length);
        if (japanese ? Array.from(form).length >= 2 : (!before || !LETTER.test(before)) && (!after || !LETTER.test(after))) {
          if (japanese || form.length >= 3) best = { form: form, at: at, concept: concept };
          break;
        }
        at = folded.indexOf(form, at + 1);
      }
    });
    if (best) withGlossary(data, best.concept);
    return best;
  }

  /* ---- the termbase vocabulary and the word list: gzip'd JSON next to the bundle, loaded once ---- */
  var packs = {};
  function packed(code, name) {
    var key = code + "/" + name;
    if (!packs[key]) {
      var url = new URL(bundles[code] + name, location.href).href;
      packs[key] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        if (typeof DecompressionStream === "undefined") throw new Error("no DecompressionStream");
        return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).json();
      });
      packs[key].catch(function () { delete packs[key]; });
    }
    return packs[key];
  }

  function vocabularyOf(code) {
    return packed(code, "vocabulary.kk").then(function (data) {
      if (!data.byForm) {
        data.byForm = new Map();
        data.concepts.forEach(function (concept) {
          concept.forms.forEach(function (form) { if (!data.byForm.has(form)) data.byForm.set(form, concept); });
        });
        if (data.glossary) data.glossaryUrl = new URL(bundles[code] + data.glossary, location.href).href;
      }
      return data;
    });
  }

  /* The concept's glossary entry, and the glossary page's Pagefind id (search_index.page_id). */
  function withGlossary(data, concept) {
    if (!concept.glossaryUrl && data.glossaryUrl) concept.glossaryUrl = data.glossaryUrl + "#" + concept.id;
    concept.glossaryPage = data.glossaryPage || null;
  }

  function lookUp(data, query) {
    var folded = fold(query);
    var concept = data.byForm.get(folded) || data.byForm.get(folded.replace(/["«»“”]/g, "").trim());
    if (concept) withGlossary(data, concept);
    return concept || null;
  }

  /* ---- second chances for a query that finds nothing ---- */
  var KANJI_DIGITS = { "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  var KANJI_UNITS = { "十": 10, "百": 100, "千": 1000 };
  function kanjiNumber(run) {
    var chars = run.split("");
    if (chars.every(function (c) { return c in KANJI_DIGITS; })) {
      return chars.map(function (c) { return KANJI_DIGITS[c]; }).join("");  // 二〇二五 -> 2025
    }
    var total = 0, digit = null;  // 百四十五 -> 145
    chars.forEach(function (c) {
      if (c in KANJI_DIGITS) digit = (digit || 0) * 10 + KANJI_DIGITS[c];
      else { total += (digit === null ? 1 : digit) * KANJI_UNITS[c]; digit = null; }
    });
    return String(total + (digit || 0));
  }
  var ROMAN = ["", "I", "II", "III", "IV"];
  /* Japanese numerals: kanji numbers of articles, dates and counts in Arabic digits, class numbers in
     Roman ones (the pages' forms). */
  function numerals(query) {
    var normal = query.normalize("NFKC");
    var out = normal
      .replace(/(第)([〇零一二三四五六七八九十百千]+)/g, function (m, a, run) { return a + kanjiNumber(run); })
      .replace(/([〇零一二三四五六七八九十百千]+)(?=[条項号年月日回件か箇ヶ])/g, function (m, run) { return kanjiNumber(run); })
      .replace(/(クラス|class|classe)\s*([1-4])(?![0-9])/gi, function (m, word, n) {
        return word + (/[a-z]$/i.test(word) ? " " : "") + ROMAN[+n];
      });
    return out !== normal ? out : null;
  }

  function distance(a, b, limit) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [], current;
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], previous2[j - 2] + 1);
        if (current[j] < best) best = current[j];
      }
      if (best > limit) return limit + 1;
      var previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* Each word that finds nothing (``lost``) is replaced by the closest word of the pages or
     single-word form of the termbase (1 or 2 edits; the most frequent word wins a tie). */
  function corrected(code, query, lost) {
    return Promise.all([packed(code, "words.kk"), vocabularyOf(code).catch(function () { return null; })]).then(function (done) {
      var words = done[0], vocab = done[1];
      if (!words.pool) {
        words.pool = words.map(function (word) { return { shown: word, folded: fold(word) }; });
        var known = new Set(words.pool.map(function (w) { return w.folded; }));
        if (vocab) {
          vocab.concepts.forEach(function (concept) {
            Object.keys(concept.terms).concat(["search"]).forEach(function (key) {
              (key === "search" ? concept.search : [concept.terms[key]]).forEach(function (form) {
                var f = fold(form);
                if (f.indexOf(" ") < 0 && !known.has(f)) { known.add(f); words.pool.push({ shown: form, folded: f }); }
              });
            });
          });
        }
      }
      var changed = false;
      // The query as typed (NFKC, single spaces), only the lost words replaced.
      var out = query.normalize("NFKC").split(/\s+/).filter(Boolean).map(function (word) {
        var bare = fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (lost.indexOf(bare) < 0 || !LISTED.test(bare)) return word;
        var best = null, bestDistance = 3;
        for (var i = 0; i < words.pool.length && bestDistance > 1; i++) {
          if (words.pool[i].folded === bare) continue;
          var d = distance(bare, words.pool[i].folded, bestDistance - 1);
          if (d < bestDistance) { best = words.pool[i].shown; bestDistance = d; }
        }
        if (!best) return word;
        changed = true;
        return best;
      });
      return changed ? out.join(" ") : null;
    });
  }

  /* Multi-word queries: among the fragments of a batch, the page whose title has the phrase, then the
     exact phrase in the text, then the words side by side (stems), then the rest (Pagefind's order). */
  function tier(candidate, data) {
    var prepared = candidate.prepared;
    if (!prepared.phrase) return 0;
    var phrase = fold(prepared.query).replace(/["«»“”]/g, "").trim();
    if (fold(data.meta.title || "").indexOf(phrase) >= 0) return 0;
    if (fold(data.content || "").indexOf(phrase) >= 0) return 1;
    return longestStretch(candidate.result.words) >= prepared.phrase ? 2 : 3;
  }

  /* The next verified results of a search: fragments load in parallel, BATCH at a time. Phrases: the
     batch is handed to ``show`` in the order of its groups (query, terms), then of its tiers; other
     queries: in Pagefind's order, each as soon as it and the ones above it are in. */
  function more(state, show) {
    var taken = 0, checked = 0;
    function step() {
      if (taken >= BATCH || state.next >= state.candidates.length || checked >= MAX_CHECKED) {
        return Promise.resolve(taken);
      }
      var slice = state.candidates.slice(state.next, state.next + BATCH - taken);
      state.next += slice.length;
      checked += slice.length;
      var loads = slice.map(function (c) { return c.result.data(); });
      if (!slice.some(function (c) { return c.prepared.phrase; })) {
        // Pagefind's order: each result is shown as soon as it and the ones above it are in.
        return loads.reduce(function (previous, load, i) {
          return previous.then(function () { return load; }).then(function (data) {
            if (!contains(data, slice[i].prepared)) { state.rejected++; return; }
            taken++;
            show(data, slice[i].prepared, state);
          });
        }, Promise.resolve()).then(step);
      }
      return Promise.all(loads).then(function (loaded) {
        var kept = [];
        loaded.forEach(function (data, i) {
          if (contains(data, slice[i].prepared)) kept.push({ data: data, candidate: slice[i], rank: i, tier: tier(slice[i], data) });
          else state.rejected++;
        });
        kept.sort(function (a, b) {
          return a.candidate.group - b.candidate.group || a.tier - b.tier || a.rank - b.rank;
        });
        kept.forEach(function (k) { taken++; show(k.data, k.candidate.prepared, state); });
      }).then(step);
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

  function item(data, prepared, code, searched) {
    var subs = (data.sub_results && data.sub_results.length) ? data.sub_results.slice() : [
      { title: data.meta.title, url: data.url, locations: data.locations, weighted_locations: data.weighted_locations }
    ];
    var together = Math.max(prepared.longest, prepared.phrase || 0);
    if (together > 1) {
      var whole = subs.filter(function (s) { return longestStretch(s.locations || []) >= together; });
      if (whole.length) subs = whole;
    }
    subs.sort(function (a, b) { return weight(data, b) - weight(data, a); });
    var best = subs[0];
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    if (code !== lang) li.lang = code;
    li.appendChild(article(marking(best.url, searched), "h1", clean(data.meta.title, prepared.cjk), teaser(data, best, prepared), true));
    var rest = subs.slice(1).filter(function (s) { return s.url !== best.url; });
    rest.slice(0, 2).forEach(function (s) {
      li.appendChild(article(marking(s.url, searched), "h2", clean(s.title, prepared.cjk), teaser(data, s, prepared)));
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
        details.appendChild(article(marking(s.url, searched), "h2", clean(s.title, prepared.cjk), teaser(data, s, prepared)));
      });
      li.appendChild(details);
    }
    return li;
  }

  /* A result's link carries what was searched, for the opened page to highlight (highlightPage). */
  function marking(url, searched) {
    if (!searched || !searched.length) return url;
    var hash = url.indexOf("#"), path = hash < 0 ? url : url.slice(0, hash), anchor = hash < 0 ? "" : url.slice(hash);
    var params = searched.map(function (q) { return "highlight=" + encodeURIComponent(q.normalize("NFKC").trim()); }).join("&");
    return path + (path.indexOf("?") < 0 ? "?" : "&") + params + anchor;
  }

  /* The answer card: the concept the query names, its definition, its three terms, its glossary entry. */
  function answerCard(concept) {
    var card = document.createElement("section");
    card.className = "kk-answer md-typeset";
    card.setAttribute("data-kk-answer", concept.id);
    card.setAttribute("aria-label", text.glossary);
    var label = document.createElement("p");
    label.className = "kk-answer__label";
    label.textContent = text.glossary;
    card.appendChild(label);
    var terms = document.createElement("dl");
    terms.className = "kk-answer__terms";
    Object.keys(bundles).sort(function (a, b) { return (a !== lang) - (b !== lang); }).forEach(function (code) {
      if (!concept.terms[code]) return;
      var row = document.createElement("div");
      var dt = document.createElement("dt");
      dt.textContent = names[code] || code;
      var dd = document.createElement("dd");
      dd.lang = code;
      dd.textContent = concept.terms[code];
      row.appendChild(dt);
      row.appendChild(dd);
      terms.appendChild(row);
    });
    card.appendChild(terms);
    if (concept.definition) {
      var p = document.createElement("p");
      p.className = "kk-answer__definition";
      p.textContent = concept.definition;
      card.appendChild(p);
    }
    if (concept.glossaryUrl) {
      var a = document.createElement("a");
      a.className = "kk-answer__link";
      a.href = concept.glossaryUrl;
      a.textContent = text["glossary.link"];
      card.appendChild(a);
    }
    return card;
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
    extras.textContent = "";
    meta.textContent = message;
  }

  /* ``before``: called once, before the first result is appended (the old results go then). */
  function appendBatch(state, target, mine, before) {
    return more(state, function (data, prepared) {
      if (mine !== undefined && mine !== seq) return;
      if (before) { before(); before = null; }
      target.appendChild(item(data, prepared, state.code, state.searched));
    }).then(function () { if (before && (mine === undefined || mine === seq)) before(); });
  }

  function showExtras(state) {
    if (state.corrected) {
      var note = document.createElement("p");
      note.className = "kk-search-correction";
      note.setAttribute("data-kk-corrected", state.corrected);
      var parts = text.corrected.split("#");
      note.appendChild(document.createTextNode(parts[0]));
      var strong = document.createElement("strong");
      strong.textContent = state.corrected;
      note.appendChild(strong);
      note.appendChild(document.createTextNode(parts.slice(1).join("#")));
      extras.appendChild(note);
    }
    if (state.concept) extras.appendChild(answerCard(state.concept));
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
      extras.textContent = "";
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
        states[index] = { state: state, target: target };
        // The reader's results replace the old ones at once, with their first batch.
        var before = index === 0 ? function () { show(); showExtras(state); } : null;
        return appendBatch(state, target, mine, before).then(function () {
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
      output.querySelectorAll(".md-search-result__list :not(details) > a[href], summary, details[open] a[href]")
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
  var REMEMBER = "kakehashi.search.all";
  function remembered() { try { return localStorage.getItem(REMEMBER) === "1"; } catch (e) { return false; } }
  if (allBox) {
    allBox.checked = remembered();
    allBox.addEventListener("change", function () {
      try { localStorage.setItem(REMEMBER, allBox.checked ? "1" : "0"); } catch (e) { /* private mode */ }
      if (input.value) run();
    });
  }
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
