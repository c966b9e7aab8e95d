/* The import wizard's mapping form: show a column's "new custom field" panel when that
   option is chosen, its choices when the type is a choice, and keep the count of mapped
   columns up to date. The form works without it (the panels' defaults are submitted). */
(function () {
  "use strict";

  function toggle(select) {
    var panel = document.getElementById(select.dataset.newField);
    if (panel) panel.hidden = select.value !== "__new__";
    var row = select.closest("tr");
    if (row) row.classList.toggle("is-skipped", select.value === "");
  }

  function toggleChoices(select) {
    var choices = document.getElementById(select.dataset.choices);
    if (choices) choices.hidden = select.value !== "choice";
  }

  function count(form) {
    var selects = form.querySelectorAll("select[data-new-field]");
    var mapped = 0;
    selects.forEach(function (s) { if (s.value) mapped += 1; });
    var label = document.getElementById("mapped-count");
    if (label) label.textContent = mapped + " of " + selects.length + " columns mapped";
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.matches) return;
    if (target.matches("select[data-new-field]")) {
      toggle(target);
      count(target.form);
    } else if (target.matches("select[data-choices]")) {
      toggleChoices(target);
    }
  });
})();
