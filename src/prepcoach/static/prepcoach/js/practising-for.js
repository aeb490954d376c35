// "Still practising for …, as for your last answer" (practice/partials/kept_job.html): "Change"
// focuses the "Practising for" select, and each line shows only while the select is on the job
// it names (`data-kept-job`): once changed, and once the page is shown, since a browser that
// puts back form values (Firefox on reload, Chromium on going back, after this script has run)
// can start the select on another job without a change event.
const select = document.getElementById("practising-for");
const lines = document.querySelectorAll("[data-kept-job]");
if (select) {
  const show = () => lines.forEach((line) => {
    line.hidden = line.dataset.keptJob !== select.value;
  });
  select.addEventListener("change", show);
  window.addEventListener("pageshow", show);
  for (const link of document.querySelectorAll("[data-kept-job] a")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      select.scrollIntoView({ block: "center" });
      select.focus();
    });
  }
}
