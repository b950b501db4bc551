// Live notifications: keeps the bell's unread count current, announces each new notification to
// screen readers, and refreshes the notification list when it is on the page.
(() => {
  const bell = document.querySelector("[data-notify-stream]");
  if (!bell || !window.EventSource) {
    return;
  }
  const count = bell.querySelector(".notify-count");
  const number = bell.querySelector(".notify-number");
  const live = document.getElementById("notify-live");

  const showUnread = (unread) => {
    number.textContent = String(unread);
    count.classList.toggle("d-none", unread === 0);
  };

  const refreshList = () => {
    const list = document.getElementById("notification-list");
    if (list && list.dataset.refresh && window.htmx) {
      window.htmx.ajax("GET", list.dataset.refresh, { target: "#notification-list", swap: "outerHTML" });
    }
  };

  const stream = new EventSource(bell.dataset.notifyStream);
  stream.addEventListener("unread", (event) => showUnread(JSON.parse(event.data).unread));
  stream.addEventListener("notification", (event) => {
    const notice = JSON.parse(event.data);
    showUnread(notice.unread);
    if (live) {
      live.textContent = notice.text;
    }
    refreshList();
  });
})();
