import { useEffect, useState } from 'react';

/** Copies the address bar's link (it always shows the active tab's view) and says so for a moment. */
export function CopyLinkButton() {
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), 2500);
    return () => clearTimeout(timer);
  }, [said]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setSaid('Link copied');
    } catch {
      setSaid('The browser refused the clipboard: copy the link from the address bar');
    }
  };
  return (
    <>
      <button onClick={copy}>Copy link</button>
      <span className="muted copy-said" role="status">
        {said}
      </span>
    </>
  );
}
