import { useEffect, useState } from 'react';
import { shareUrl, type HashState } from './shareLink';

/** Copies the link to a view (the one the address bar shows for the active tab) and says so for a moment. */
export function CopyLinkButton({ link }: { link: HashState }) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), 2500);
    return () => clearTimeout(timer);
  }, [said]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shareUrl(link, location));
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
