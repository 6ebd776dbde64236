/**
 * Chromium fetches the favicon again on every same-document URL change, and the address bar follows
 * the active tab's view: the icon is read once at load and inlined as a data: URL, so exploring a file
 * makes no request at all.
 */
export async function inlineFavicon(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link || link.href.startsWith('data:')) return;
  try {
    const response = await fetch(link.href);
    if (!response.ok) return;
    const svg = await response.text();
    link.href = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  } catch {
    // Offline without a cached icon: the link stays as it was.
  }
}
