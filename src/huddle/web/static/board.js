/* The pipeline board: drag a deal to another stage's column to move it. The card's stage
   menu does the same without a mouse (and on a phone, where there is no drag): choosing a
   stage sends its form. Either way the move is the form's POST, so the server's rules and
   its answer (the board again, or the reason it refused) are the same. */
(function () {
  "use strict";

  function moveForm(card) { return card.querySelector("form.deal-move"); }

  function sendMove(card, stage) {
    var form = moveForm(card);
    if (!form) return;
    var select = form.querySelector("select[name=pipeline_stage]");
    if (select.value === stage) return;
    select.value = stage;
    form.requestSubmit();
  }

  function init() {
    var board = document.querySelector("[data-board]");
    if (!board) return;
    board.querySelectorAll("form.deal-move").forEach(function (form) { form.classList.add("live"); });

    board.addEventListener("change", function (event) {
      if (event.target.matches("select[data-submit-on-change]")) event.target.form.requestSubmit();
    });

    var dragged = null;
    board.addEventListener("dragstart", function (event) {
      var card = event.target.closest && event.target.closest(".deal[data-deal]");
      if (!card) return;
      dragged = card;
      card.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.dataset.deal);
    });
    board.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      dragged = null;
      board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
    });
    board.addEventListener("dragover", function (event) {
      var column = event.target.closest && event.target.closest(".column[data-stage]");
      if (!dragged || !column) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      board.querySelectorAll(".drop-target").forEach(function (c) {
        if (c !== column) c.classList.remove("drop-target");
      });
      column.classList.add("drop-target");
    });
    board.addEventListener("drop", function (event) {
      var column = event.target.closest && event.target.closest(".column[data-stage]");
      if (!dragged || !column) return;
      event.preventDefault();
      sendMove(dragged, column.dataset.stage);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
