// Highlights a finding's edges in the graph while the pointer is over the finding, and jumps
// from a highlighted graph edge to the first finding that uses it.
(function () {
  "use strict";
  function edgesOf(section) {
    var ids = (section.getAttribute("data-edges") || "").split(" ");
    var out = [];
    for (var i = 0; i < ids.length; i++) {
      var e = ids[i] && document.getElementById(ids[i]);
      if (e) out.push(e);
    }
    return out;
  }
  var findings = document.querySelectorAll("section.finding");
  for (var i = 0; i < findings.length; i++) {
    (function (section) {
      var edges = edgesOf(section);
      section.addEventListener("mouseenter", function () {
        section.classList.add("hl");
        edges.forEach(function (e) { e.classList.add("hl"); });
      });
      section.addEventListener("mouseleave", function () {
        section.classList.remove("hl");
        edges.forEach(function (e) { e.classList.remove("hl"); });
      });
      edges.forEach(function (e) {
        if (!e.hasAttribute("data-finding")) {
          e.setAttribute("data-finding", section.id);
          e.style.cursor = "pointer";
          e.addEventListener("click", function () {
            document.getElementById(e.getAttribute("data-finding")).scrollIntoView({ behavior: "smooth" });
          });
        }
      });
    })(findings[i]);
  }
})();
