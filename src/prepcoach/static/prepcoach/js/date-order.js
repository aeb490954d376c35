// Pre-fills an unset date-order field (sign-up and profile pages) from the browser's language,
// so that "by 04/12" in a goal is read the way its writer meant. The person can change it on
// the profile page; a value already set is never touched. No network, no storage.
(function () {
  "use strict";

  // The order of day and month in the browser's own short date: "12/31/2026" (en-US) → MDY,
  // "31/12/2026" (en-GB, fr, de …) → DMY, "2026/12/31" (ja, zh, ko, sv …) → month before day,
  // so "12/31" written by such a person is MDY too.
  function guessDateOrder(language) {
    try {
      var parts = new Intl.DateTimeFormat(language, {
        year: "numeric", month: "2-digit", day: "2-digit",
      }).formatToParts(new Date(2026, 11, 31));
      var types = parts.map(function (part) { return part.type; });
      return types.indexOf("month") < types.indexOf("day") ? "MDY" : "DMY";
    } catch (error) {
      return "";
    }
  }

  function fill() {
    var language = (navigator.languages && navigator.languages[0]) || navigator.language;
    if (!language) return;
    var guess = guessDateOrder(language);
    if (!guess) return;
    document.querySelectorAll("[data-date-order]").forEach(function (field) {
      if (!field.value) {
        field.value = guess;
        field.setAttribute("data-date-order-guessed", language);
      }
    });
  }

  window.prepcoachGuessDateOrder = guessDateOrder;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})();
