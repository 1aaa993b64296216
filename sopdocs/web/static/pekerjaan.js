// The build's page: poll its state until it is done, then show the results; enlarge a page preview.
(function () {
  const box = document.getElementById("pekerjaan");
  if (!box) return;
  if (box.dataset.selesai === "tidak") {
    const poll = async function () {
      try {
        const answer = await fetch("/api/pekerjaan/" + box.dataset.id, {credentials: "same-origin"});
        if (answer.ok) {
          const state = await answer.json();
          if (state.selesai) { location.reload(); return; }
          const status = document.getElementById("status");
          status.textContent = state.status === "antre" ? "Menunggu giliran: urutan ke-" + state.antrean + "."
            : "Sedang dibuat… " + state.kemajuan + "%" + (state.tahap ? " (" + state.tahap + ")" : "");
          for (const w of state.workbook) {
            const bar = document.querySelector('progress[data-workbook="' + CSS.escape(w.workbook) + '"]');
            if (bar) bar.value = w.dari ? Math.round(100 * w.bagian / w.dari) : 0;
            const part = document.querySelector('[data-part="' + CSS.escape(w.workbook) + '"]');
            if (part) part.textContent = w.tahap;
          }
        }
      } catch (e) { /* the server may be busy: try again */ }
      setTimeout(poll, 700);
    };
    setTimeout(poll, 300);
  }
  const dialog = document.getElementById("besar");
  document.querySelectorAll("a.page").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!dialog || !dialog.showModal) return;
      event.preventDefault();
      dialog.querySelector("img").src = link.href;
      dialog.showModal();
    });
  });
})();
