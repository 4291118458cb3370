// Vigil console: theme (dark/light, remembered in localStorage) and the CSRF header htmx sends on every request.
(function () {
  "use strict";
  var saved = null;
  try { saved = window.localStorage.getItem("vigil.theme"); } catch (e) { /* storage disabled */ }
  if (saved === "light" || saved === "dark") {
    document.documentElement.setAttribute("data-theme", saved);
  }
  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        var next = document.documentElement.getAttribute("data-theme") === "light" ? "dark" : "light";
        document.documentElement.setAttribute("data-theme", next);
        try { window.localStorage.setItem("vigil.theme", next); } catch (e) { /* storage disabled */ }
        document.dispatchEvent(new CustomEvent("vigil:theme"));
      });
    }
    // "select all" boxes: <input type=checkbox data-select-all="name">
    document.addEventListener("change", function (e) {
      var name = e.target.getAttribute && e.target.getAttribute("data-select-all");
      if (name) {
        document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (b) {
          b.checked = e.target.checked;
        });
      }
    });
  });
})();
