// Draws every <canvas data-chart='{"type":..,"labels":[..],"series":[{"label":..,"data":[..]}]}'> with Chart.js,
// also inside content htmx swaps in. No inline scripts: the data travels in the attribute.
(function () {
  "use strict";
  var palette = ["#4e9af1", "#f1a34e", "#5cc98b", "#e05d6f", "#b07ee8", "#46c1c9", "#d6c752", "#9aa4b2"];
  function color(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
  }
  function draw(canvas) {
    if (!window.Chart || !canvas.getAttribute("data-chart")) { return; }
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    if (canvas._chart) { canvas._chart.destroy(); }
    var stacked = spec.type === "bar" && spec.series.length > 1;
    canvas._chart = new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          var c = spec.type === "doughnut" ? spec.labels.map(function (_, j) { return palette[j % palette.length]; })
                                           : palette[i % palette.length];
          return { label: s.label, data: s.data, backgroundColor: c, borderColor: c, borderWidth: 1,
                   pointRadius: 0, tension: 0.2 };
        })
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: spec.series.length > 1 || spec.type === "doughnut",
                             labels: { color: color("--fg"), boxWidth: 10 } } },
        scales: spec.type === "doughnut" ? {} : {
          x: { stacked: stacked, ticks: { color: color("--muted"), maxTicksLimit: 12 }, grid: { color: color("--grid") } },
          y: { stacked: stacked, beginAtZero: true, ticks: { color: color("--muted"), precision: 0 }, grid: { color: color("--grid") } }
        },
        onClick: spec.link ? function (evt, elements) {
          if (elements.length) { window.location = spec.link[elements[0].index]; }
        } : undefined
      }
    });
  }
  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
  document.addEventListener("vigil:theme", function () { drawAll(document); });
})();
