// The error summary at the top of an invalid form (WCAG 3.3.1): focus moves to it when the
// page opens, so a screen reader reads the errors first; a link in it moves focus to its
// field. Without JavaScript the summary's autofocus attribute and plain anchors do the same.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  if (document.activeElement !== summary) {
    summary.focus();
  }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    // Show the field's label too, not only the field at the top edge of the window.
    var label = document.querySelector("label[for='" + field.id + "']") || field;
    var closed = field.closest("details:not([open])");
    if (closed) {
      closed.open = true;
    }
    label.scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
