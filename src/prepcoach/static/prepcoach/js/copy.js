// A Copy button for text shown once (the private calendar address): a button marked
// data-copy="ID" copies the value of the field with that id. Without this script, or where the
// browser refuses the clipboard (a page not served over HTTPS), the address is selected and the
// button's note says to copy it by hand. No network, no storage.
(function () {
  "use strict";

  function say(button, words) {
    var note = document.getElementById(button.getAttribute("data-copy-note"));
    if (note) note.textContent = words;
  }

  function byHand(button, field) {
    field.focus();
    field.select();
    say(button, "Selected: press Ctrl+C (Cmd+C on a Mac) to copy it.");
  }

  function wire(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!navigator.clipboard || !window.isSecureContext) {
        byHand(button, field);
        return;
      }
      navigator.clipboard.writeText(field.value).then(
        function () {
          say(button, "Copied. Paste it into your calendar's “subscribe by URL”.");
        },
        function () {
          byHand(button, field);
        }
      );
    });
  }

  function start() {
    document.querySelectorAll("button[data-copy]").forEach(wire);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
