// The back office's own controls, kept out of the HTML so that the Content-Security-Policy
// can forbid inline scripts and event handlers: a control marked data-autosubmit (the
// language menu) sends its form when it changes; a button marked data-print prints the page.
"use strict";
document.addEventListener("change", function (event) {
  var field = event.target.closest("[data-autosubmit]");
  if (field && field.form) {
    field.form.submit();
  }
});
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
