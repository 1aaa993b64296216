// The upload box: files may be dropped on it; show which are chosen.
(function () {
  const drop = document.getElementById("drop"), input = document.getElementById("berkas");
  if (!drop || !input) return;
  const show = function () {
    document.getElementById("chosen").textContent = Array.from(input.files).map(function (f) { return f.name; }).join(", ");
  };
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    input.files = event.dataTransfer.files;
    show();
  });
})();
