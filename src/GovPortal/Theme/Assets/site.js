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

  // 字体 大/中/小 on the article body, remembered.
  var FONT_KEY = "govportal-font";
  function rememberFontSize() {
    var stored = null;
    try { stored = window.localStorage.getItem(FONT_KEY); } catch (e) { /* no storage */ }
    var choice = stored && document.getElementById("font-" + stored);
    if (choice) choice.checked = true;
    document.addEventListener("change", function (event) {
      if (event.target.name !== "font-size") return;
      try { window.localStorage.setItem(FONT_KEY, event.target.value); } catch (e) { /* no storage */ }
    });
  }

  // 分享到微信: the page's QR code in a dialog; without script the link leads to the QR code on the page.
  function shareDialog() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-share=wechat]");
      var dialog = document.getElementById("wechat-dialog");
      if (!link || !dialog || !dialog.showModal) return;
      event.preventDefault();
      var holder = dialog.querySelector(".dialog-qr");
      if (!holder.firstChild) {
        var svg = document.querySelector("#qr-code svg");
        if (svg) holder.appendChild(svg.cloneNode(true));
      }
      dialog.showModal();
    });
    document.addEventListener("click", function (event) {
      var close = event.target.closest && event.target.closest("[data-dialog-close]");
      if (close) close.closest("dialog").close();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", countView);
  else countView();
  rememberFontSize();
  shareDialog();
  collapsibleNavigation();
  accessibilityToolbar();
  focusSlideshow();

  // On a phone the main navigation folds behind a 栏目导航 button; without script it is simply always shown.
  function collapsibleNavigation() {
    var nav = document.querySelector(".main-nav");
    var list = document.getElementById("main-nav-list");
    if (!nav || !list) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "nav-toggle";
    button.textContent = "栏目导航";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "main-nav-list");
    nav.insertBefore(button, list);
    nav.classList.add("collapsible");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    });
  }

  // 焦点图 (WAI-ARIA carousel): one slide at a time. It turns every 6 seconds only while nobody is reading it: not
  // when the reader asked for reduced motion or chose 适老版, not while the pointer rests on it, and not once the
  // keyboard focus entered it or the reader pressed 暂停, until the reader presses 播放. The slide in view is
  // announced only while it is not turning.
  function focusSlideshow() {
    var box = document.querySelector("[data-focus]");
    if (!box) return;
    var slides = box.querySelectorAll(".focus-slide");
    if (slides.length < 2) return;
    var controls = box.querySelector(".focus-controls");
    var play = box.querySelector("[data-focus-play]");
    var list = box.querySelector("[data-focus-slides]");
    var current = 0, timer = null, stoppedByReader = false, hovered = false;
    var still = (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches)
      || document.body.classList.contains("elder");

    function show(index) {
      current = (index + slides.length) % slides.length;
      for (var i = 0; i < slides.length; i++) slides[i].hidden = i !== current;
    }
    function turning() { return !stoppedByReader && !still; }
    function update() {
      var run = turning() && !hovered;
      if (run && !timer) timer = window.setInterval(function () { show(current + 1); }, 6000);
      if (!run && timer) { window.clearInterval(timer); timer = null; }
      box.setAttribute("data-playing", String(run));
      list.setAttribute("aria-live", run ? "off" : "polite");
      play.textContent = turning() ? "暂停" : "播放";
      play.setAttribute("aria-label", turning() ? "暂停焦点图轮播" : "播放焦点图轮播");
    }

    box.classList.add("focus-scripted");
    controls.hidden = false;
    show(0);
    play.addEventListener("click", function () {
      stoppedByReader = turning();
      if (!stoppedByReader) still = false;
      update();
    });
    box.querySelector("[data-focus-previous]").addEventListener("click", function () { show(current - 1); });
    box.querySelector("[data-focus-next]").addEventListener("click", function () { show(current + 1); });
    box.addEventListener("mouseenter", function () { hovered = true; update(); });
    box.addEventListener("mouseleave", function () { hovered = false; update(); });
    // Keyboard focus inside (the 暂停 button included) stops it for good: it turns again only when the reader
    // presses 播放. A button focused by a mouse click is not keyboard focus, or clicking 暂停 would undo itself.
    box.addEventListener("focusin", function (event) {
      var byKeyboard = true;
      try { byKeyboard = event.target.matches(":focus-visible"); } catch (e) { /* older browsers: assume keyboard */ }
      if (!byKeyboard || !turning()) return;
      stoppedByReader = true;
      update();
    });
    update();
  }

  // 网站无障碍: zoom, line spacing, colour schemes, large cursor, reading guide, caption bar and speech, kept in the
  // browser across pages and visits.
  function accessibilityToolbar() {
    var KEY = "govportal-a11y";
    var ZOOMS = [1, 1.25, 1.5, 1.75, 2];
    var SCHEMES = ["dark", "light", "yellow", "blue"];
    var defaults = {
      open: false, zoom: 1, spacing: false, scheme: "", cursor: false, guide: false, captions: false, speech: false,
      point: false
    };
    var root = document.documentElement;
    var template = document.getElementById("a11y-toolbar-template");
    var entry = document.querySelector("a[data-a11y-entry]");
    if (!template || !entry || !template.content) return;
    var header = document.querySelector(".site-header");
    header.insertBefore(template.content.cloneNode(true), header.firstChild);
    var toolbar = document.getElementById("a11y-toolbar");
    var guideX = document.querySelector(".a11y-guide-x");
    var guideY = document.querySelector(".a11y-guide-y");
    var caption = document.querySelector(".a11y-caption");
    var speechControls = toolbar.querySelector(".a11y-speech");
    var canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
    var state = load();

    function load() {
      var loaded = {};
      try { loaded = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { loaded = {}; }
      var result = {};
      for (var name in defaults) result[name] = name in loaded ? loaded[name] : defaults[name];
      if (ZOOMS.indexOf(result.zoom) < 0) result.zoom = 1;
      if (result.scheme && SCHEMES.indexOf(result.scheme) < 0) result.scheme = "";
      return result;
    }

    function save() {
      try {
        window.localStorage.setItem(KEY, JSON.stringify(state));
      } catch (e) { /* the settings last for this page */ }
    }

    function pressed(name, on) {
      var buttons = toolbar.querySelectorAll("button[data-a11y=" + name + "]");
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(on));
    }

    function apply() {
      root.style.fontSize = state.zoom === 1 ? "" : (16 * state.zoom) + "px";
      toolbar.querySelector(".a11y-zoom").textContent = Math.round(state.zoom * 100) + "%";
      root.classList.toggle("a11y-spacing", state.spacing);
      for (var i = 0; i < SCHEMES.length; i++)
        root.classList.toggle("scheme-" + SCHEMES[i], state.scheme === SCHEMES[i]);
      var schemeButtons = toolbar.querySelectorAll("button[data-a11y=scheme]");
      for (var j = 0; j < schemeButtons.length; j++)
        schemeButtons[j].setAttribute("aria-pressed",
          String(schemeButtons[j].getAttribute("data-value") === state.scheme));
      root.classList.toggle("a11y-cursor", state.cursor);
      guideX.hidden = guideY.hidden = !state.guide;
      caption.hidden = !state.captions;
      speechControls.hidden = !state.speech;
      if (!state.speech) stopSpeaking();
      pressed("spacing", state.spacing);
      pressed("cursor", state.cursor);
      pressed("guide", state.guide);
      pressed("captions", state.captions);
      pressed("speech", state.speech);
      pressed("point", state.point);
      toolbar.hidden = !state.open;
      entry.setAttribute("aria-expanded", String(state.open));
    }

    function change(update) {
      update();
      save();
      apply();
    }

    function speak(text) {
      if (!canSpeak || !text) return;
      window.speechSynthesis.cancel();
      var utterance = new window.SpeechSynthesisUtterance(text.replace(/\s+/g, " ").trim());
      utterance.lang = "zh-CN";
      window.speechSynthesis.speak(utterance);
    }

    function stopSpeaking() {
      if (canSpeak) window.speechSynthesis.cancel();
    }

    function readableText(element) {
      if (!element || element === document.body || element === document.documentElement) return "";
      var label = element.getAttribute && (element.getAttribute("aria-label") || element.getAttribute("alt"));
      var text = label || element.innerText || element.textContent || "";
      text = text.replace(/\s+/g, " ").trim();
      return text.length > 300 ? text.slice(0, 300) + "…" : text;
    }

    entry.setAttribute("role", "button");
    entry.addEventListener("click", function (event) {
      event.preventDefault();
      change(function () { state.open = !state.open; });
      if (state.open) toolbar.querySelector("button").focus();
    });

    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-a11y]");
      if (!button) return;
      var action = button.getAttribute("data-a11y");
      var zoomAt = ZOOMS.indexOf(state.zoom);
      switch (action) {
        case "zoom-in": change(function () { state.zoom = ZOOMS[Math.min(zoomAt + 1, ZOOMS.length - 1)]; }); break;
        case "zoom-out": change(function () { state.zoom = ZOOMS[Math.max(zoomAt - 1, 0)]; }); break;
        case "scheme": change(function () { state.scheme = button.getAttribute("data-value"); }); break;
        case "spacing": case "cursor": case "guide": case "captions": case "speech": case "point":
          change(function () { state[action] = !state[action]; });
          break;
        case "read":
          var article = document.querySelector(".article") || document.querySelector("main");
          speak(readableText(article));
          break;
        case "pause":
          if (!canSpeak) break;
          if (window.speechSynthesis.paused) { window.speechSynthesis.resume(); button.textContent = "暂停"; }
          else { window.speechSynthesis.pause(); button.textContent = "继续"; }
          break;
        case "stop": stopSpeaking(); break;
        case "reset":
          change(function () { for (var name in defaults) state[name] = defaults[name]; state.open = true; });
          break;
        case "close":
          change(function () { state.open = false; });
          entry.focus();
          break;
      }
    });

    toolbar.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      change(function () { state.open = false; });
      entry.focus();
    });

    // The reading guide follows the pointer, or the focused element when reading by keyboard.
    function placeGuide(x, y) {
      guideX.style.top = y + "px";
      guideY.style.left = x + "px";
    }
    document.addEventListener("mousemove", function (event) {
      if (state.guide) placeGuide(event.clientX, event.clientY);
    });

    // 大字幕 and 指读: the text under the pointer or the focus, shown large and read aloud.
    var pointed = null;
    function show(element) {
      if (element === pointed) return;
      pointed = element;
      var text = readableText(element);
      if (state.captions) caption.textContent = text;
      if (state.speech && state.point) speak(text);
    }
    document.addEventListener("mouseover", function (event) {
      if (!state.captions && !(state.speech && state.point)) return;
      var target = event.target.closest("a, button, h1, h2, h3, p, li, td, th, label, time, output") || event.target;
      show(target);
    });
    document.addEventListener("focusin", function (event) {
      if (state.guide) {
        var box = event.target.getBoundingClientRect();
        placeGuide(box.left + box.width / 2, box.top + box.height / 2);
      }
      if (state.captions || (state.speech && state.point)) show(event.target);
    });

    apply();
  }
})();
