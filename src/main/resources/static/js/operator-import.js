// Operator import: says "too large" before sending a file the server would refuse anyway, so a
// person with a very large file sees the reason instead of a dropped connection. The server checks
// the size itself too; without JavaScript the page still works.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("file");
  const message = document.getElementById("file-too-large");
  if (!input || !message || !input.dataset.maxBytes) {
    return;
  }
  const maxBytes = Number(input.dataset.maxBytes);
  input.form.addEventListener("submit", (event) => {
    const file = input.files && input.files[0];
    if (file && file.size > maxBytes) {
      event.preventDefault();
      message.hidden = false;
      input.classList.add("is-invalid");
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  });
  input.addEventListener("change", () => {
    message.hidden = true;
    input.classList.remove("is-invalid");
    input.removeAttribute("aria-invalid");
  });
});
