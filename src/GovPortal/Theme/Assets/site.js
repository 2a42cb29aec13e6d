// GovPortal public pages: the live view count and the buttons that need script. Pages read fully without it.
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "print") window.print();
    if (action === "close") closeWindow();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", countView);
  else countView();
})();
