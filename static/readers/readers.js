// Counts a reader's view of a communiqué, and shows the current count (the page itself may
// come from the shared cache). Prerendered pages count only once they are shown.
(function () {
  "use strict";
  var counter = document.querySelector("[data-view-beacon]");
  if (!counter || !window.fetch) return;
  function send() {
    fetch(counter.getAttribute("data-view-beacon"), {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        var shown = counter.querySelector("[data-view-count]");
        if (shown) shown.textContent = data.display;
        // The minimum fill time of the reply form counts from now, not from the cached page.
        var started = document.querySelector(".reply-form input[name=started]");
        if (started && data.started) started.value = data.started;
      })
      .catch(function () {});
  }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
