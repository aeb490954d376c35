// Mock interviews: questions are read aloud by the browser's own voices (nothing leaves the
// machine). Each "Read it aloud" button reads the text it names; a question marked
// data-speak="1" is read as soon as the page opens, unless the user switched that off.
function speak(text) {
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

for (const button of document.querySelectorAll("[data-action='speak']")) {
  if (!("speechSynthesis" in window)) {
    button.hidden = true;
    continue;
  }
  button.addEventListener("click", () => speak(button.dataset.text));
}
const first = document.querySelector("[data-speak='1']");
if (first && "speechSynthesis" in window) speak(first.textContent.trim());
