// Warns before the idle timeout and lets the user extend the session (WCAG 2.2.1 Timing
// Adjustable). Without JavaScript the form stays hidden; a form sent after the session ended
// keeps its text across the new login instead (innlogging.middleware).
(function () {
  "use strict";
  var box = document.getElementById("session-warning");
  if (!box || !window.fetch) {
    return;
  }
  var idle = parseInt(box.dataset.idleSeconds, 10) * 1000;
  var warning = parseInt(box.dataset.warningSeconds, 10) * 1000;
  var left = box.querySelector(".session-warning-left");
  var deadline = 0;
  var warnTimer = null;
  var tick = null;

  function hide() {
    box.hidden = true;
    window.clearInterval(tick);
  }

  function show() {
    box.hidden = false;
    box.querySelector("button").focus();
    tick = window.setInterval(function () {
      var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      left.textContent = "(" + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0") + ")";
      if (seconds === 0) {
        window.clearInterval(tick);
        window.location.assign(box.dataset.loginUrl + "?next=" + encodeURIComponent(window.location.pathname));
      }
    }, 1000);
  }

  function start() {
    hide();
    deadline = Date.now() + idle;
    window.clearTimeout(warnTimer);
    warnTimer = window.setTimeout(show, Math.max(0, idle - warning));
  }

  box.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(box.action, {
      method: "POST",
      body: new FormData(box),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      if (response.ok) {
        start();
      } else {
        window.location.assign(box.dataset.loginUrl);
      }
    });
  });

  start();
})();
