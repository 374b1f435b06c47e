/* Partner directory filters: plain JavaScript, no library. Without it every profile stays visible.
   A profile is shown when, for every chosen filter, its data-<filter> list holds the chosen value. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kk-directory]");
  if (!root) return;
  var form = root.querySelector("[data-kk-filters]");
  var profiles = Array.prototype.slice.call(root.querySelectorAll("[data-kk-partner]"));
  var count = form.querySelector("[data-kk-count]");
  var none = root.querySelector("[data-kk-none]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-kk-filter]"));

  function apply() {
    var chosen = selects.filter(function (s) { return s.value; });
    var shown = 0;
    profiles.forEach(function (profile) {
      var visible = chosen.every(function (s) {
        var values = (profile.getAttribute("data-" + s.name) || "").split(" ");
        return values.indexOf(s.value) !== -1;
      });
      profile.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = count.getAttribute("data-template")
      .replace("%(shown)s", String(shown)).replace("%(total)s", String(profiles.length));
    none.hidden = shown !== 0;
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  // Following a "possible match" to a profile the filters hide: clear the filters first.
  window.addEventListener("hashchange", function () {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.closest("[data-kk-partner]") && target.closest("[data-kk-partner]").hidden) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  });
  apply();
})();
