/* leaddocs: filter the Decisions index by status and tag. The controls are built from the
   table's own cells, as text (textContent), so no record's text is ever read as HTML. */
(function () {
  "use strict";

  function tableAfter(box) {
    for (var el = box.nextElementSibling; el; el = el.nextElementSibling) {
      if (el.tagName === "TABLE") return el;
      var inner = el.querySelector && el.querySelector("table");
      if (inner) return inner;
    }
    return null;
  }

  function select(name, values) {
    var label = document.createElement("label");
    label.textContent = name;
    var choice = document.createElement("select");
    choice.setAttribute("data-filter", name.toLowerCase());
    [""].concat(values).forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value || "all";
      choice.appendChild(option);
    });
    label.appendChild(choice);
    return { label: label, choice: choice };
  }

  function setUp(box) {
    var table = tableAfter(box);
    if (!table || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).map(function (row) {
      var badge = row.querySelector("[data-status]");
      var tags = Array.prototype.map.call(row.querySelectorAll(".leaddocs-tag"), function (tag) {
        return tag.textContent.trim();
      });
      return { row: row, status: badge ? badge.getAttribute("data-status") : "", tags: tags };
    });
    function unique(values) {
      return values.filter(function (v, i) { return v && values.indexOf(v) === i; }).sort();
    }
    var status = select("Status", unique(rows.map(function (r) { return r.status; })));
    var tag = select("Tag", unique([].concat.apply([], rows.map(function (r) { return r.tags; }))));
    var count = document.createElement("span");
    count.className = "leaddocs-filter__count";
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var show = (!status.choice.value || r.status === status.choice.value) &&
          (!tag.choice.value || r.tags.indexOf(tag.choice.value) !== -1);
        r.row.hidden = !show;
        if (show) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " shown";
    }
    status.choice.addEventListener("change", apply);
    tag.choice.addEventListener("change", apply);
    box.appendChild(status.label);
    box.appendChild(tag.label);
    box.appendChild(count);
    apply();
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".leaddocs-filter"), setUp);
  }

  // Material's instant navigation swaps pages without a load event: follow its document$.
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
