// The editors' Wagtail userbar, fetched once the page is shown (home/personal.py leaves a slot
// for it). createContextualFragment lets the userbar's own script elements run when inserted.
document.querySelectorAll("[data-userbar]").forEach(async (slot) => {
  const response = await fetch(slot.dataset.userbar, { credentials: "same-origin" });
  if (!response.ok) return;
  const html = await response.text();
  slot.replaceWith(document.createRange().createContextualFragment(html));
});
