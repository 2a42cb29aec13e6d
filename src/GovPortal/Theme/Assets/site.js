// GovPortal public pages: the live view count, the buttons that need script, and the remembered 适老版 choice.
// Pages read fully without it.
(function () {
  "use strict";

  function countView() {
    var output = document.querySelector("[data-hits-for]");
    if (!output || !window.fetch) return;
    var id = output.getAttribute("data-hits-for");
    fetch("/api/hits/" + encodeURIComponent(id), { method: "POST", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && typeof data.count === "number") output.textContent = String(data.count); })
      .catch(function () { /* the count is a courtesy; the page stays readable */ });
  }

  function closeWindow() {
    // window.close() only works for a window the site opened; otherwise go back, or home.
    if (window.opener) { window.close(); return; }
    if (document.referrer && new URL(document.referrer).origin === location.origin) { history.back(); return; }
    location.href = "/";
  }

  // 适老版 is remembered: a reader who chose it gets it on their next visit, until they choose 标准版.
  var FORM_KEY = "govportal-form";

  function rememberedForm() {
    try { return window.localStorage.getItem(FORM_KEY); } catch (e) { return null; }
  }

  function remember(form) {
    try {
      if (form) window.localStorage.setItem(FORM_KEY, form);
      else window.localStorage.removeItem(FORM_KEY);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  if (document.body.classList.contains("variant-standard") && rememberedForm() === "elder") {
    location.replace("/elder" + location.pathname + location.search + location.hash);
    return;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-variant-link]");
    if (link) {
      var form = link.getAttribute("data-variant-link");
      if (form === "elder") remember("elder");
      else if (form === "standard" && document.body.classList.contains("variant-elder")) remember(null);
      return;
    }
    var button = event.target.closest && event.target.closest("button[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "print") window.print();
    if (action === "close") closeWindow();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", countView);
  else countView();
})();
