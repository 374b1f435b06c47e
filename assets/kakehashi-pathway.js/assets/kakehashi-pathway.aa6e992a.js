/* Pathway finder: plain JavaScript, no library. Without it the page is the static table of every route.
   The answers live in the URL query (?product=…&direction=…&<question>=…), so a link reproduces a route.
   A step (table row, box of the picture) applies when, for each question it names in data-kk-when
   ("question=a,b;other=c"), the answer is one of the listed ones or not given yet. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kk-finder]");
  if (!form) return;
  var product = form.querySelector("[data-kk-select=product]");
  var direction = form.querySelector("[data-kk-select=direction]");
  var status = form.querySelector("[data-kk-status]");
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("[data-kk-questions]"));

  // Each route (its heading and what follows, up to the next h2) goes into one container, so that hiding
  // the container hides everything of the route, including what the theme wraps or displays itself.
  function group(heading) {
    var box = document.createElement("div");
    box.className = "kk-route";
    heading.parentNode.insertBefore(box, heading);
    var node = heading;
    while (node && (node === heading || (node.tagName !== "H2" && !node.classList.contains("kk-route")))) {
      var next = node.nextElementSibling;
      box.appendChild(node);
      node = next;
    }
    return box;
  }
  var routes = Array.prototype.map.call(document.querySelectorAll("h2[data-kk-route]"), function (heading) {
    return {id: heading.getAttribute("data-kk-route"), title: heading.textContent.replace(/¶$/, "").trim(), box: group(heading)};
  });
  var overview = document.getElementById("all-routes");
  overview = overview && group(overview);

  function applies(when, answers) {
    return (when || "").split(";").every(function (condition) {
      if (!condition) return true;
      var parts = condition.split("="), answer = answers[parts[0]];
      return !answer || parts[1].split(",").indexOf(answer) !== -1;
    });
  }

  function numbering() {  // 1, 2, 3… over the steps shown
    var count = 0;
    return function (node) {
      var target = node.querySelector("[data-kk-number]");
      if (target) target.textContent = String(++count);
    };
  }

  function layout(map) {  // move the boxes that apply up, under each other, and number them
    var y = 0, first = true, number = numbering();
    Array.prototype.forEach.call(map.querySelectorAll("[data-kk-height]"), function (box) {
      if (box.style.display === "none") return;
      box.setAttribute("transform", "translate(0 " + y + ")");
      var arrow = box.querySelector(".kk-route-map__arrow");
      if (arrow) arrow.style.display = first ? "none" : "";
      number(box);
      y += Number(box.getAttribute("data-kk-height"));
      first = false;
    });
    var height = Math.max(y - Number(map.getAttribute("data-kk-gap")), 1), box = map.getAttribute("viewBox").split(" ");
    map.setAttribute("viewBox", box[0] + " " + box[1] + " " + box[2] + " " + height);
    map.setAttribute("height", String(height));
  }

  function questions(id) {
    return fieldsets.filter(function (set) { return set.getAttribute("data-kk-questions") === id; })[0];
  }

  function answersOf(set) {
    var answers = {};
    if (set) Array.prototype.forEach.call(set.querySelectorAll("select[data-kk-question]"), function (select) {
      if (select.value) answers[select.name] = select.value;
    });
    return answers;
  }

  function apply(remember) {
    var id = product.value && direction.value ? product.value + "-" + direction.value : "";
    var set = questions(id), answers = answersOf(set), title = "";
    fieldsets.forEach(function (other) { other.hidden = other !== set; });
    routes.forEach(function (route) {
      var shown = !id || route.id === id, routeAnswers = shown && id ? answers : {};
      if (shown && id) title = route.title;
      route.box.hidden = !shown;
      Array.prototype.forEach.call(route.box.querySelectorAll(".kk-when[data-kk-when]"), function (when) {
        when.closest("tr").hidden = !applies(when.getAttribute("data-kk-when"), routeAnswers);
      });
      Array.prototype.forEach.call(route.box.querySelectorAll("tbody"), function (body) {
        var number = numbering();
        Array.prototype.forEach.call(body.rows, function (row) { if (!row.hidden) number(row); });
      });
      Array.prototype.forEach.call(route.box.querySelectorAll("svg[data-kk-map]"), function (map) {
        Array.prototype.forEach.call(map.querySelectorAll("[data-kk-height]"), function (box) {
          box.style.display = applies(box.getAttribute("data-kk-when"), routeAnswers) ? "" : "none";
        });
        layout(map);
      });
    });
    if (overview) overview.hidden = Boolean(id);
    status.textContent = id && title ? status.getAttribute("data-kk-one").replace("%(route)s", title) : status.getAttribute("data-kk-all");
    if (remember) {
      var query = new URLSearchParams();
      if (product.value) query.set("product", product.value);
      if (direction.value) query.set("direction", direction.value);
      Object.keys(answers).forEach(function (name) { query.set(name, answers[name]); });
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
  }

  function choose(select, value) {  // only a value the list offers; anything else leaves it unset
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    select.value = known ? value : "";
  }

  var query = new URLSearchParams(location.search);
  choose(product, query.get("product") || "");
  choose(direction, query.get("direction") || "");
  var initial = questions(product.value && direction.value ? product.value + "-" + direction.value : "");
  if (initial) Array.prototype.forEach.call(initial.querySelectorAll("select[data-kk-question]"), function (select) {
    choose(select, query.get(select.name) || "");
  });
  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(false);
})();
