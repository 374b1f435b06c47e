/* Term cards (marked at build time by kakehashi.render.term_cards). CSS alone shows a card while its
   term is hovered or focused; this script adds what CSS cannot: Escape closes the open card, a second
   tap on a term closes it, and a card that would leave the screen is moved back onto it. */
(function () {
  "use strict";
  if (!document.querySelector("[data-kk-term]")) return;

  function wrapOf(node) { return node && node.closest ? node.closest("[data-kk-term]") : null; }
  function reopen(wrap) {
    wrap.removeAttribute("data-kk-closed");
    var card = wrap.querySelector(".kk-term-card");
    card.style.left = "";
    var rect = card.getBoundingClientRect();
    var margin = 8, width = document.documentElement.clientWidth;
    var shift = Math.max(margin - rect.left, Math.min(0, width - margin - rect.right));
    if (shift) card.style.left = shift + "px";
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelectorAll("[data-kk-term]:hover, [data-kk-term]:focus-within");
    Array.prototype.forEach.call(open, function (wrap) { wrap.setAttribute("data-kk-closed", ""); });
  });
  document.addEventListener("focusin", function (event) { var w = wrapOf(event.target); if (w) reopen(w); });
  document.addEventListener("mouseover", function (event) {
    var w = wrapOf(event.target);
    if (w && !w.contains(event.relatedTarget)) reopen(w);
  });
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".kk-term");
    if (!term) return;
    var wrap = wrapOf(term);
    if (document.activeElement === term && wrap.getAttribute("data-kk-tapped") === "yes") {
      wrap.toggleAttribute("data-kk-closed");
    }
    wrap.setAttribute("data-kk-tapped", "yes");
  });
  document.addEventListener("focusout", function (event) {
    var w = wrapOf(event.target);
    if (w) w.removeAttribute("data-kk-tapped");
  });
})();
