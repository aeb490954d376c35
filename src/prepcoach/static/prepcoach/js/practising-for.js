// "Still practising for …, as for your last answer" (practice/partials/kept_job.html): "Change"
// focuses the "Practising for" select, and the lines go once it is changed (no longer true).
const select = document.getElementById("practising-for");
const lines = document.querySelectorAll("[data-kept-job]");
if (select) {
  select.addEventListener("change", () => lines.forEach((line) => { line.hidden = true; }));
  for (const link of document.querySelectorAll("[data-kept-job] a")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      select.scrollIntoView({ block: "center" });
      select.focus();
    });
  }
}
