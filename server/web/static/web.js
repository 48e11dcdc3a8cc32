// PEKEN storefront: copy buttons, confirm before cancelling, the price a product form will be
// charged, and the order status that updates itself.
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
  // The product form shows the price the order will be charged: the same rules as
  // server/orders/pricing.py (the pack's or unit's price, else the public tier with the
  // highest minimum reached; whole rupiah, half-up), from the figures the page carries.
  function milli(text) {
    var t = String(text).trim().replace(",", ".");
    var m = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(t);
    return m ? Number(m[1]) * 1000 + Number(((m[2] || "") + "000").slice(0, 3)) : null;
  }
  function rupiah(n) { return "Rp" + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function qtyWords(m) { return String(m / 1000).replace(".", ","); }
  function charge(form) {
    var out = form.querySelector("output.charge");
    var prices = JSON.parse(form.getAttribute("data-prices") || "{}");
    var select = form.querySelector("select[name=kemasan]");
    var pack = select ? select.value : "";
    var choice = prices[pack];
    var qty = milli(form.querySelector("input[name=qty]").value);
    if (!out || !choice) { return; }
    if (qty === null || qty <= 0) { out.textContent = "Tulis jumlah dengan angka."; return; }
    var price = choice.price, note = "";
    var best = null;
    choice.tiers.forEach(function (t) {
      if (t[0] <= qty && (best === null || t[0] > best[0] || (t[0] === best[0] && t[1] < best[1]))) { best = t; }
    });
    var unit = form.getAttribute("data-unit");
    if (best) { price = best[1]; note = " · harga grosir ≥" + qtyWords(best[0]) + " " + (pack || unit); }
    var total = (BigInt(price) * BigInt(qty) + 500n) / 1000n;
    var what = qtyWords(qty) + " " + (pack ? pack + " (" + qtyWords(qty * choice.factor / 1000) + " " + unit + ")" : unit);
    out.textContent = "Harga: " + what + " × " + rupiah(price) + " = " + rupiah(total) + note;
    out.setAttribute("data-total", String(total));
  }
  document.querySelectorAll("form[data-prices]").forEach(function (form) {
    form.addEventListener("input", function () { charge(form); });
    form.addEventListener("change", function () { charge(form); });
    charge(form);
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
