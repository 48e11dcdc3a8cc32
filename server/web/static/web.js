// PEKEN storefront: copy buttons, confirm before cancelling, and the order status that updates itself.
(function () {
  "use strict";
  function copy(btn) {
    var text = btn.getAttribute("data-copy");
    var done = function () {
      btn.textContent = "Tersalin";
      btn.classList.add("done");
      setTimeout(function () { btn.textContent = "Salin"; btn.classList.remove("done"); }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("Salin:", text); });
    } else {
      window.prompt("Salin:", text);
    }
  }
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("button");
    if (!btn) { return; }
    if (btn.hasAttribute("data-copy")) { copy(btn); }
    if (btn.hasAttribute("data-confirm") && !window.confirm(btn.getAttribute("data-confirm"))) {
      ev.preventDefault();
    }
  });
  // One tap places the orders: a second tap (slow 3G) must not send the form again.
  document.addEventListener("submit", function (ev) {
    var btn = ev.target.querySelector("button[data-once]");
    if (!btn) { return; }
    if (btn.getAttribute("data-sent")) { ev.preventDefault(); return; }
    btn.setAttribute("data-sent", "1");
    btn.textContent = "Memproses…";
  });
  var FINAL = ["fulfilled", "rejected", "cancelled", "expired"];
  function poll() {
    var box = document.getElementById("status");
    if (!box || FINAL.indexOf(box.getAttribute("data-status")) >= 0) { return; }
    fetch(box.getAttribute("data-poll"), {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var next = new DOMParser().parseFromString(html, "text/html").getElementById("status");
        if (next && next.getAttribute("data-status") !== box.getAttribute("data-status")) {
          box.replaceWith(next);
          var cancel = document.querySelector("form.cancel");
          if (cancel && ["placed", "awaiting_payment"].indexOf(next.getAttribute("data-status")) < 0) {
            cancel.remove();
          }
        }
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }
  var every = 5000;
  if (document.getElementById("status")) { setInterval(poll, every); }
})();
