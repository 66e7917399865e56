// Optional enhancements only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary, so screen readers announce the problems first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // An error's link: the browser's own jump puts the field at the top of a phone's screen, with
  // its question scrolled out of sight above. Show the question (legend or label), then focus.
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var input = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!input || input === document.getElementById("main")) { return; }
      var fieldset = input.closest("fieldset");
      var legend = fieldset && fieldset.querySelector("legend");
      var label = document.querySelector("label[for='" + input.id + "']");
      // A choice's own label is beside it; its question is the legend. A date's legend is close.
      var question = legend && (input.type === "radio" || input.type === "checkbox" ||
        input.getBoundingClientRect().top - legend.getBoundingClientRect().top < window.innerHeight / 2) ? legend : label;
      event.preventDefault();
      (question || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  // Character count: says how many characters are left, politely, as the resident types.
  var counts = document.querySelectorAll("[data-character-count]");
  Array.prototype.forEach.call(counts, function (group) {
    var field = group.querySelector("textarea");
    var message = group.querySelector(".character-count__message");
    var max = parseInt(group.getAttribute("data-maxlength"), 10);
    var over = message.getAttribute("data-over");
    var left = message.getAttribute("data-left");
    // The page's language groups the digits, in Latin digits as Babel writes the server's numbers.
    var lang = document.documentElement.lang + "-u-nu-latn";
    var timer;
    function update() {
      var remaining = max - field.value.length;
      message.textContent = (remaining < 0 ? over : left).replace("%s", Math.abs(remaining).toLocaleString(lang));
      message.classList.toggle("character-count__message--over", remaining < 0);
    }
    field.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 300); });
    // An answer shown again that is already too long says so at once, not on the first key press.
    if (field.value.length > max) { update(); }
  });

  // A printout shows how each date was worked out: closed <details> open for it, then close again.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });

  // "Print this page": the browser's own print, offered only where this script runs.
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // A link that says it is a button ("Start now") answers Space as a button does, not by scrolling.
  Array.prototype.forEach.call(document.querySelectorAll('a[role="button"]'), function (link) {
    link.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Spacebar") { event.preventDefault(); link.click(); }
    });
  });

  // A second click on "Send" while the first is on its way does nothing (the server guards too).
  Array.prototype.forEach.call(document.querySelectorAll("[data-prevent-double-click]"), function (button) {
    button.form.addEventListener("submit", function (event) {
      if (button.dataset.sent) { event.preventDefault(); }
      button.dataset.sent = "1";
    });
  });
})();
