// Writing not yet saved is not lost by accident: when a form marked data-unsaved holds changes
// (a story, a reflection, a typed answer, research notes, a goal), leaving the page (Back, a
// link, closing the tab) asks first. Sending the form, or putting the words back as they were,
// lets the page go without a question. Nothing is stored or sent.
(function () {
  "use strict";

  var changed = [];

  function snapshot(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && name !== "submit_key" && typeof value === "string") {
        fields.push(name + "=" + value);
      }
    });
    return fields.join("\u0000");
  }

  function watch(form) {
    var saved = snapshot(form);
    function check() {
      var index = changed.indexOf(form);
      var differs = snapshot(form) !== saved;
      if (differs && index < 0) changed.push(form);
      if (!differs && index >= 0) changed.splice(index, 1);
    }
    form.addEventListener("input", check);
    form.addEventListener("change", check);
    form.addEventListener("submit", function () {
      var index = changed.indexOf(form);
      if (index >= 0) changed.splice(index, 1);
    });
  }

  window.addEventListener("beforeunload", function (event) {
    if (changed.length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  function start() {
    document.querySelectorAll("form[data-unsaved]").forEach(watch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
