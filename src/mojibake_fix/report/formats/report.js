(function () {
  var main = document.getElementById("documents");
  var pages = +main.dataset.pages, page = 1;
  var hidden = new Set();
  function render() {
    document.querySelectorAll("section.doc").forEach(function (section) {
      var detectors = section.dataset.detectors.split(" ").filter(Boolean);
      var shown = detectors.some(function (d) { return !hidden.has(d); });
      section.hidden = +section.dataset.page !== page || !shown;
    });
    document.querySelectorAll("mark").forEach(function (mark) {
      mark.classList.toggle("off", hidden.has(mark.dataset.detector));
    });
    document.getElementById("page-label").textContent = "page " + page + " of " + pages;
    document.getElementById("previous").disabled = page <= 1;
    document.getElementById("next").disabled = page >= pages;
  }
  document.getElementById("previous").onclick = function () { page = Math.max(1, page - 1); render(); };
  document.getElementById("next").onclick = function () { page = Math.min(pages, page + 1); render(); };
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.onchange = function () {
      if (box.checked) hidden.delete(box.dataset.filter); else hidden.add(box.dataset.filter);
      render();
    };
  });
  var details = document.getElementById("details");
  function show(mark) {
    var d = mark.dataset;
    document.getElementById("d-detector").textContent = d.detector;
    document.getElementById("d-confidence").textContent = d.confidence;
    document.getElementById("d-change").textContent = "'" + d.before + "' → " + (mark.classList.contains("chg") ? "'" + d.after + "'" : "(not repaired)");
    document.getElementById("d-where").textContent = d.where;
    document.getElementById("d-offsets").textContent = d.offsets;
    document.getElementById("d-reason").textContent = d.reason;
    document.getElementById("d-alternatives").textContent = d.alternatives || "none";
    details.hidden = false;
  }
  main.addEventListener("click", function (event) {
    var mark = event.target.closest("mark");
    if (mark) show(mark);
  });
  main.addEventListener("keydown", function (event) {
    var mark = event.target.closest("mark");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); show(mark); }
  });
  document.getElementById("close-details").onclick = function () { details.hidden = true; };
  render();
})();
