// "Print" buttons ([data-print]): shown only when JavaScript runs, they open the print dialog.
// A static file rather than an onclick attribute, which the Content-Security-Policy forbids.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
