// SMART check: "Use this version" copies prepcoach's rewrite into the goal field, which then
// re-checks itself (HTMX listens for the input event). Everything else is server-rendered.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-rewrite]");
  if (!button) return;
  const field = document.getElementById(button.dataset.target);
  if (!field) return;
  field.value = button.dataset.rewrite;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.focus();
});
