// The back office's own controls, kept out of the HTML so that the Content-Security-Policy
// can forbid inline scripts and event handlers: a control marked data-autosubmit (the
// language menu) sends its form when it changes.
"use strict";
document.addEventListener("change", function (event) {
  var field = event.target.closest("[data-autosubmit]");
  if (field && field.form) {
    field.form.submit();
  }
});
