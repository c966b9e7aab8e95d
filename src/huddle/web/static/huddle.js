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

  // A "select all" box (data-select-all="<name>") ticks or clears every box of that name
  // in its table (the contact list's bulk selection).
  document.addEventListener("change", function (event) {
    var all = event.target;
    if (!all.matches || !all.matches("input[data-select-all]")) return;
    var table = all.closest("table");
    table.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });

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

  // Polls run only while their tab is visible. htmx's own trigger filter
  // (`every 30s [document.visibilityState === 'visible']`) is evaluated as code, which the
  // Content-Security-Policy forbids; cancelling the request here needs no eval.
  document.addEventListener("htmx:confirm", function (event) {
    var element = event.detail.elt;
    if (document.visibilityState !== "visible" && element.hasAttribute("data-poll-when-visible")) {
      event.preventDefault();
    }
  });

  // Copy buttons (a new token, a tracking snippet): the clipboard API where the page is
  // served securely, else the selection and the older copy command (plain http on a LAN).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.querySelector(button.dataset.copy);
    if (!source) return;
    var text = source.value !== undefined ? source.value : source.textContent;
    var done = function () {
      var label = button.dataset.copyLabel || button.textContent;
      button.dataset.copyLabel = label;
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done);
    } else {
      source.focus();
      if (source.select) source.select();
      if (document.execCommand("copy")) done();
    }
  });

  // A new token is shown once: selecting it on focus makes copying it one keystroke.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) event.target.select();
  });

  // Leaving the page (a click on a row's link while the list refreshes): an answer that
  // arrives after that is not swapped in. Its swap would push its URL into the history,
  // and that cancels the navigation the click started: the click would seem to do
  // nothing. (Aborting the request instead makes htmx log an error for every poll in
  // flight.) A download also fires beforeunload but keeps the page: if the page is still
  // here a moment later, answers are swapped in again.
  var leavingPage = false;
  window.addEventListener("beforeunload", function () {
    leavingPage = true;
    window.setTimeout(function () { leavingPage = false; }, 3000);
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (leavingPage) event.detail.shouldSwap = false;
  });

  // A poll whose record is gone (merged into another, deleted) while its page was open
  // stops polling: asking every 2 s would only log the same 404, and it is no error of
  // the page. A poller with a data-gone-message says so, once, where it stood.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var config = event.detail.requestConfig;
    var poller = config && config.elt;  // detail.elt is the swap's target, not the poller
    var status = event.detail.xhr.status;
    if (!poller || !poller.hasAttribute("data-poll-when-visible")) return;
    if (status !== 404 && status !== 410) return;
    event.detail.shouldSwap = false;
    event.detail.isError = false;
    var message = poller.dataset.goneMessage;
    if (!message) { poller.remove(); return; }
    var notice = document.createElement("p");
    notice.className = "alert alert-warning poll-gone";
    notice.setAttribute("role", "status");
    notice.textContent = message;
    poller.replaceWith(notice);
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
