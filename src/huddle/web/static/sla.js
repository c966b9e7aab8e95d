// Live countdowns for SLA clocks: every [data-due] element shows the time left until its
// ISO due time ("2 h 05 min 09 s"), or how long it is overdue. Time is the server's: the
// page carries the moment it was made (body[data-server-now]), and the gap to this
// computer's clock is kept, so a clock minutes off does not move a deadline. No dependencies.
(function () {
  "use strict";
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function words(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600);
    var m = Math.floor((s % 3600) / 60), sec = s % 60;
    if (d > 0) return d + " d " + h + " h " + pad(m) + " min";
    if (h > 0) return h + " h " + pad(m) + " min " + pad(sec) + " s";
    return m + " min " + pad(sec) + " s";
  }
  var skew = 0;
  function tick() {
    var now = Date.now() + skew;
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (isNaN(due)) return;
      var left = due - now;
      el.textContent = left >= 0 ? words(left) + " left" : "overdue " + words(left);
      el.classList.toggle("overdue", left < 0);
      el.classList.toggle("soon", left >= 0 && left < 3600 * 1000);
    });
  }
  function start() {
    var served = Date.parse(document.body.getAttribute("data-server-now") || "");
    if (!isNaN(served)) skew = served - Date.now();
    tick();
    window.setInterval(tick, 1000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
