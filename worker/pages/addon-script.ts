/**
 * The add-on install page's script (served as /assets/addon.js): shows the Copy buttons and copies
 * a file's whole text from its text box, with the Clipboard API or, where that is refused, by
 * selecting the text box and copying. The page works without it (select the text and copy).
 * Plain ES2017, no dependencies.
 */
export const ADDON_JS = `(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  var buttons = document.querySelectorAll("button.copy-file");

  function say(text) { if (status) status.textContent = text; }

  function copyBySelecting(area) {
    var details = area.closest("details");
    var wasOpen = details ? details.open : true;
    if (details) details.open = true;
    area.focus();
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    if (details && done) details.open = wasOpen;
    return done;
  }

  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var area = document.getElementById(button.getAttribute("data-copy"));
      var name = button.getAttribute("data-name");
      if (!area) return;
      var text = area.value;
      var copied = name + " copied (" + text.length.toLocaleString("en-US") + " characters). Paste it into the script editor.";
      function fallback() {
        say(copyBySelecting(area) ? copied : "Your browser refused to copy: the text box of " + name + " is open and selected, so press Ctrl+C (or ⌘C).");
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { say(copied); }, fallback);
      } else fallback();
    });
  });
})();
`;
