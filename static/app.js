// Small enhancements only: every flow works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // A button marked data-once is disabled after its form is sent, against double clicks
  // (the server refuses a second order for the same form anyway) — unless a script took the
  // submission over (a confirmation step), which leaves the page as it was.
  document.querySelectorAll("button[data-once]").forEach(function (button) {
    if (button.form) {
      button.form.addEventListener("submit", function (event) {
        setTimeout(function () { if (!event.defaultPrevented) { button.disabled = true; } }, 0);
      });
    }
  });
  // Close the gear menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.gear-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.removeAttribute("open"); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("details.gear-menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary) { summary.focus(); }
    });
  });
})();
// Software page: "Get key" opens the key in a dialog instead of a new page, "Copy" buttons
// put text on the clipboard, and "Copy link" makes the link and copies it in one click.
(function () {
  "use strict";
  // "Copied" is said to screen readers too, in a live region beside the button (inside an
  // open dialog, where the rest of the page is inert).
  function announce(button) {
    var host = button.closest("dialog") || document.body;
    var region = host.querySelector(":scope > [data-live]");
    if (!region) {
      region = document.createElement("p");
      region.className = "visually-hidden";
      region.setAttribute("aria-live", "polite");
      region.setAttribute("data-live", "");
      host.appendChild(region);
    }
    region.textContent = "";
    setTimeout(function () { region.textContent = document.body.dataset.copiedText || ""; }, 50);
  }
  function copyText(text, button) {
    var done = function () { if (button) { button.dataset.copied = "true"; announce(button); } };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    }
    fallbackCopy(text);
    done();
    return Promise.resolve();
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selectable */ }
    document.body.removeChild(area);
  }
  function bindCopy(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var target = document.querySelector(button.getAttribute("data-copy"));
        if (!target) { return; }
        copyText(target.value !== undefined && target.tagName === "INPUT" ? target.value : target.textContent.trim(), button);
      });
    });
  }
  bindCopy(document);
  // A dialog shows the [data-dialog-panel] of the page its link names. A GET form inside it
  // marked data-dialog-refresh (the Cancel dialog's order list) reloads the panel on change.
  function fillDialog(body, html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var panel = page.querySelector("[data-dialog-panel]");
    if (!panel || !body) { return false; }
    body.replaceChildren(document.importNode(panel, true));
    bindCopy(body);
    body.querySelectorAll("form[data-dialog-refresh]").forEach(function (form) {
      form.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () {
          var url = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
          fetch(url, { credentials: "same-origin", cache: "no-store" })
            .then(function (res) { if (!res.ok) { throw new Error(res.status); } return res.text(); })
            .then(function (html) { if (!fillDialog(body, html)) { window.location.href = url; } })
            .catch(function () { window.location.href = url; });
        });
      });
    });
    body.querySelectorAll("button[data-once]").forEach(function (button) {
      if (button.form) {
        button.form.addEventListener("submit", function () {
          setTimeout(function () { button.disabled = true; }, 0);
        });
      }
    });
    return true;
  }
  document.querySelectorAll("a[data-dialog]").forEach(function (link) {
    var dialog = document.getElementById(link.getAttribute("data-dialog"));
    if (!dialog || typeof dialog.showModal !== "function") { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      fetch(link.href, { credentials: "same-origin", cache: "no-store" })
        .then(function (res) { if (!res.ok) { throw new Error(res.status); } return res.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var body = dialog.querySelector("[data-dialog-body]");
          if (!fillDialog(body, html)) { window.location.href = link.href; return; }
          dialog.showModal();
        })
        .catch(function () { window.location.href = link.href; });
    });
  });
  // A form marked data-confirm="<dialog id>" (Approve refund, Disable user) is sent once to
  // get its confirmation step, which opens in the dialog; the server writes nothing until the
  // step's own form is sent. Anything unexpected falls back to sending the form as a page.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    var dialog = document.getElementById(form.getAttribute("data-confirm"));
    if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
        .then(function (res) { return res.ok ? res.text() : null; })
        .then(function (html) {
          if (!html || !fillDialog(dialog.querySelector("[data-dialog-body]"), html)) { form.submit(); return; }
          dialog.showModal();
        })
        .catch(function () { form.submit(); });
    });
  });
  // "Go back" inside a dialog closes it instead of loading the page it names.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("dialog[open] a[data-dialog-close]") : null;
    if (!link) { return; }
    event.preventDefault();
    link.closest("dialog").close();
  });
  document.querySelectorAll("form[data-copy-link]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
        .then(function (res) { if (!res.ok) { throw new Error(res.status); } return res.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.querySelector("[data-test=new-link]");
          var section = form.closest("section");
          if (!fresh || !section) { form.submit(); return; }
          var old = section.querySelector("[data-test=new-link]");
          var node = document.importNode(fresh, true);
          if (old) { old.replaceWith(node); } else { section.appendChild(node); }
          var links = page.querySelector("[data-test=links]");
          var oldLinks = document.querySelector("[data-test=links]");
          if (links && oldLinks) {
            oldLinks.replaceWith(document.importNode(links, true));
          } else if (links) {
            // The first link: its list section did not exist yet.
            section.after(document.importNode(links.closest("section"), true));
          }
          bindCopy(node);
          var input = node.querySelector("input");
          if (input) { copyText(input.value, node.querySelector("button[data-copy]")); }
        })
        .catch(function () { form.submit(); });
    });
  });
})();
// The download-link meters stay live: while the page is visible, the list is refreshed from
// the server every 15 seconds, so "37 of 50 downloads left" follows downloads made elsewhere.
(function () {
  "use strict";
  // Pages that list links, or can make the first one.
  var page = document.querySelector("[data-test=links], form[data-copy-link]");
  if (!page || !window.fetch) { return; }
  setInterval(function () {
    if (document.hidden) { return; }
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-test=links]");
        var current = document.querySelector("[data-test=links]");
        if (fresh && current) { current.replaceWith(document.importNode(fresh, true)); }
      })
      .catch(function () { /* the next round tries again */ });
  }, 15000);
})();
// A support form's file input says at once when too many or too large files are chosen, so
// the user need not send 50 MB to hear it (the server checks again and refuses as it reads).
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-files]").forEach(function (input) {
    var note = document.createElement("p");
    note.className = "field-error";
    note.setAttribute("role", "alert");
    note.hidden = true;
    input.insertAdjacentElement("afterend", note);
    input.addEventListener("change", function () {
      var max = Number(input.dataset.maxBytes);
      var tooBig = Array.prototype.some.call(input.files, function (f) { return f.size > max; });
      var tooMany = input.files.length > Number(input.dataset.maxFiles);
      note.hidden = !(tooBig || tooMany);
      note.textContent = tooBig ? input.dataset.tooBig : (tooMany ? input.dataset.tooMany : "");
      if (tooBig || tooMany) { input.value = ""; }
    });
  });
})();
