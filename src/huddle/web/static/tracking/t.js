/* Huddle website tracking. No dependencies, no eval, no inline code: works under a strict
   Content-Security-Policy (allow this script's origin in script-src and connect-src).
   <script src="https://huddle.example.com/t.js" data-site="SITE_KEY" defer></script> */
(function () {
  "use strict";
  var script = document.currentScript;
  var siteKey = script && script.getAttribute("data-site");
  if (!siteKey || !window.JSON) return;
  var base = script.src.replace(/\/t\.js(\?.*)?$/, "");
  var COOKIE = "_hd_vid";
  var TWO_YEARS = 63072000;
  var loadedAt = Date.now();

  function random() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    var out = "";
    for (var i = 0; i < bytes.length; i++) out += ("0" + bytes[i].toString(16)).slice(-2);
    return out;
  }

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return "";
  }

  // The visitor id: a first-party cookie on this site, renewed on every visit.
  var visitor = readCookie(COOKIE);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(visitor)) visitor = random();
  document.cookie = COOKIE + "=" + visitor + "; path=/; max-age=" + TWO_YEARS + "; samesite=lax" +
    (location.protocol === "https:" ? "; secure" : "");

  // A click from a Huddle email carries hd_id: who this visitor is. Send it once and take it
  // out of the address bar, so it is not bookmarked or shared.
  var identity = null;
  try {
    var here = new URL(location.href);
    identity = here.searchParams.get("hd_id");
    if (identity) {
      here.searchParams.delete("hd_id");
      history.replaceState(history.state, "", here.toString());
    }
  } catch (e) { identity = null; }
  // Forms on this page prove who posts them with the same signed identity.
  var formIdentity = identity;

  var queue = [];
  var timer = null;

  function send(leaving) {
    clearTimeout(timer);
    timer = null;
    while (queue.length) {
      var payload = { k: siteKey, v: visitor, e: queue.splice(0, 20) };
      if (identity) { payload.i = identity; identity = null; }
      var body = JSON.stringify(payload);
      var url = base + "/t/collect";
      // text/plain keeps it a simple request: no preflight round trip.
      if (leaving && navigator.sendBeacon &&
          navigator.sendBeacon(url, new Blob([body], { type: "text/plain" }))) continue;
      if (window.fetch) {
        fetch(url, { method: "POST", body: body, keepalive: true, credentials: "omit",
          mode: "cors", headers: { "Content-Type": "text/plain" } }).catch(function () {});
      }
    }
  }

  function track() {
    queue.push({ id: random(), u: location.href, t: document.title, r: document.referrer,
      ts: Date.now() });
    // Batched: page views within a moment of each other go in one request.
    if (!timer) timer = setTimeout(send, 300);
  }

  // Huddle forms on this page learn the visitor, the page and when it was opened (spam check).
  function prepareForms() {
    var forms = document.querySelectorAll("form[data-huddle-form], form[action^='" + base + "/f/']");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      var fields = { _hd_vid: visitor, _hd_ts: String(loadedAt), _hd_url: location.href };
      if (formIdentity) fields._hd_id = formIdentity;
      for (var name in fields) {
        var input = form.querySelector("input[name='" + name + "']");
        if (!input) {
          input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          form.appendChild(input);
        }
        input.value = fields[name];
      }
      form.addEventListener("submit", function () { send(true); });
    }
  }

  track();
  window.huddle = { track: track };
  window.addEventListener("pagehide", function () { send(true); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send(true);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepareForms);
  else prepareForms();
})();
