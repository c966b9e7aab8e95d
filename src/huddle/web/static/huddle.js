/* Huddle's only script besides htmx. Progressive enhancement: every page works without it.
   No inline handlers anywhere (a strict Content-Security-Policy forbids them); behaviour is
   wired here through data- attributes. */
(function () {
  "use strict";

  function dismiss(toast) {
    toast.classList.add("is-leaving");
    window.setTimeout(function () { toast.remove(); }, 220);
  }

  // WCAG 2.2.1 (timing adjustable): a message never vanishes while someone reads it. A
  // confirmation leaves after TOAST_MS, but not while the pointer is over it or focus is in
  // it (the count starts again when they leave); an error (data-persist) stays until it is
  // dismissed.
  var TOAST_MS = 8000;

  function hold(toast) {
    window.clearTimeout(Number(toast.dataset.timer));
    toast.dataset.timer = "held";
  }

  function schedule(toast) {
    hold(toast);
    if (toast.matches(":hover") || toast.contains(document.activeElement)) return;
    toast.dataset.timer = String(window.setTimeout(function () { dismiss(toast); }, TOAST_MS));
  }

  function initToasts(root) {
    root.querySelectorAll(".toast").forEach(function (toast) {
      if (toast.dataset.timer || toast.hasAttribute("data-persist")) return;
      toast.addEventListener("mouseenter", function () { hold(toast); });
      toast.addEventListener("focusin", function () { hold(toast); });
      toast.addEventListener("mouseleave", function () { schedule(toast); });
      toast.addEventListener("focusout", function (event) {
        if (!toast.contains(event.relatedTarget)) schedule(toast);
      });
      schedule(toast);
    });
  }

  document.addEventListener("click", function (event) {
    var close = event.target.closest("[data-dismiss]");
    if (close) {
      var toast = close.closest(".toast");
      if (toast) dismiss(toast);
    }
    // Close any open popover when clicking outside it.
    document.querySelectorAll("details.popover[open]").forEach(function (d) {
      if (!d.contains(event.target)) d.removeAttribute("open");
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("details.popover[open]").forEach(function (d) {
        d.removeAttribute("open");
      });
    }
    // "/" focuses the search box, as in most tools people know.
    if (event.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      var search = document.querySelector("[data-search-focus]") ||
        document.querySelector(".global-search input");
      if (search) { event.preventDefault(); search.focus(); }
    }
  });

  // Forms that ask before doing something that cannot be undone (merges).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Show the chosen file's name in the import drop zone.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches("input[type=file][data-file-label]")) {
      var label = document.getElementById(input.dataset.fileLabel);
      if (label && input.files.length) label.textContent = input.files[0].name;
    }
  });

  // Every htmx request carries the page's CSRF token (htmx copies form fields too, but
  // hx-delete and hx-post on buttons have no form). The token comes from the <meta> tag.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) event.detail.headers["X-CSRF-Token"] = meta.content;
  });

  // Pollers (data-poll-visible) ask only while their tab is shown. A trigger filter
  // ("every 30s [document.visibilityState === 'visible']") would need eval, which the CSP
  // forbids: a hidden tab's poll is cancelled here instead.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute("data-poll-visible") && document.visibilityState !== "visible") {
      event.preventDefault();
    }
  });

  // A new token is shown once: selecting it on focus makes copying it one keystroke.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) event.target.select();
  });

  // Leaving the page (a click on a row's link while the list refreshes): the refresh in
  // flight is dropped. Its late answer would push its URL into the history, and that
  // cancels the navigation the click started: the click would seem to do nothing.
  window.addEventListener("beforeunload", function () {
    document.querySelectorAll(".htmx-request").forEach(function (element) {
      htmx.trigger(element, "htmx:abort");
    });
  });

  // A field the server refused: marked invalid, its error read out with it (its
  // description), and the first such field focused, so a screen reader announces what
  // to fix. The error sits under its field, in the same .field box.
  var errorCount = 0;
  function markInvalidFields(root) {
    var first = null;
    root.querySelectorAll(".field .field-error").forEach(function (error) {
      var field = error.closest(".field").querySelector(
        "input:not([type=hidden]), select, textarea");
      if (!field || field.getAttribute("aria-invalid") === "true") return;
      if (!error.id) error.id = "field-error-" + (++errorCount);
      var described = (field.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(error.id) === -1) described.push(error.id);
      field.setAttribute("aria-describedby", described.join(" ").trim());
      field.setAttribute("aria-invalid", "true");
      first = first || field;
    });
    if (first) first.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    initToasts(document);
    markInvalidFields(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    initToasts(event.target);
    // The whole page: an outerHTML swap's event may name the element it replaced. Fields
    // marked before are skipped, so nothing already seen takes the focus again.
    markInvalidFields(document);
  });

  // After an htmx swap that brought new flashes (out-of-band), start their timers too.
  document.addEventListener("htmx:oobAfterSwap", function () { initToasts(document); });
})();
