// The add-on install page's script (served as /assets/addon.js): shows the Copy buttons and copies
// a file's whole text from its text box, with the Clipboard API or, where that is refused, by
// selecting the text box and copying. The page works without it (select the text and copy).
import { copyBySelecting, copyText } from "./dom.js";

const status = document.getElementById("copy-status");

function say(text: string): void {
  if (status) status.textContent = text;
}

/** Selects and copies the text box, opening its <details> for it (and closing it again if copied). */
function copyFromBox(area: HTMLTextAreaElement): boolean {
  const details = area.closest("details");
  const wasOpen = details ? details.open : true;
  if (details) details.open = true;
  const done = copyBySelecting(area);
  if (details && done) details.open = wasOpen;
  return done;
}

for (const button of document.querySelectorAll<HTMLButtonElement>("button.copy-file")) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const area = document.getElementById(button.getAttribute("data-copy") ?? "");
    const name = button.getAttribute("data-name");
    if (!(area instanceof HTMLTextAreaElement)) return;
    const text = area.value;
    const copied = `${name} copied (${text.length.toLocaleString("en-US")} characters). Paste it into the script editor.`;
    copyText(
      text,
      () => say(copied),
      () =>
        say(
          copyFromBox(area)
            ? copied
            : `Your browser refused to copy: the text box of ${name} is open and selected, so press Ctrl+C (or ⌘C).`,
        ),
    );
  });
}
