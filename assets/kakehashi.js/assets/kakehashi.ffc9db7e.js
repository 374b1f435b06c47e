/* Language entry: remember the reader's choice; on the default home page, go to the chosen
   language or, with no choice yet, *suggest* one from navigator.languages (never a forced redirect). */
(function () {
  "use strict";
  var KEY = "kakehashi-lang";
  var html = document.documentElement;
  function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function store(lang) { try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode */ } }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang], a[data-kk-lang]");
    if (link) store(link.getAttribute("data-kk-lang") || link.getAttribute("hreflang"));
  });

  var suggestions = document.querySelectorAll("[data-kk-suggest]");
  if (!suggestions.length) return;  // only home pages carry suggestions
  var choice = stored();
  if (choice) {
    if (choice !== html.lang) {
      var target = document.querySelector('[data-kk-suggest="' + choice + '"] a');
      if (target && document.querySelector(".kk-chooser[data-kk-default]")) location.replace(target.href);
    }
    return;
  }
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) {
    return l.toLowerCase().split("-")[0];
  });
  for (var i = 0; i < wanted.length; i++) {
    if (wanted[i] === html.lang) return;  // the reader already reads this language
    var offer = document.querySelector('[data-kk-suggest="' + wanted[i] + '"]');
    if (offer) { offer.hidden = false; return; }
  }
})();
