// SMART check: "Use this version" copies prepcoach's rewrite into the goal field, which then
// re-checks itself (HTMX listens for the input event). Everything else is server-rendered.
// The user's own words are kept: an "Undo" button under the box (and Ctrl+Z / Cmd+Z in it, as
// long as the box still holds the rewrite) puts them back. Setting `value` from script empties
// the browser's own undo history, so without this the user's text was gone for good.
// Ctrl+Enter / Cmd+Enter in the box sends the form, as in other writing boxes.
(() => {
  let kept = null; // { field, words, rewrite } while an undo is on offer

  const bar = () => document.getElementById("goal-undo");
  const say = (text) => {
    const status = document.getElementById("goal-undo-status");
    if (status) status.textContent = text;
  };

  const offer = (show) => {
    const box = bar();
    if (box) box.hidden = !show;
  };

  const restore = () => {
    if (!kept) return false;
    const { field, words } = kept;
    kept = null;
    field.value = words;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    offer(false);
    field.focus();
    say("Your own words are back in the goal box.");
    return true;
  };

  document.addEventListener("click", (event) => {
    if (event.target.closest("#goal-undo button")) {
      restore();
      return;
    }
    const button = event.target.closest("button[data-rewrite]");
    if (!button) return;
    const field = document.getElementById(button.dataset.target);
    if (!field) return;
    kept = { field, words: field.value, rewrite: button.dataset.rewrite };
    field.value = button.dataset.rewrite;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    offer(true);
    field.focus();
    say("prepcoach's version is in the goal box. Undo puts your own words back.");
  });

  document.addEventListener("keydown", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.closest("#goal-form")) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === "Enter") {
      event.preventDefault();
      field.form.requestSubmit();
      return;
    }
    // Only while the box holds the rewrite untouched: after more typing, Ctrl+Z is the
    // browser's own undo of that typing.
    if (mod && !event.shiftKey && event.key.toLowerCase() === "z" && kept &&
        kept.field === field && field.value === kept.rewrite) {
      event.preventDefault();
      restore();
    }
  });
})();
