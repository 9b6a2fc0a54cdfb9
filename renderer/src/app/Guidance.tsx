import { useState } from 'react';

const key = (sectionId: string) => `aed.guidance-closed.${sectionId}`;

/** Guidance a participant can fold away once they know it; the choice is remembered per section. */
export function Guidance({ sectionId, paragraphs }: { sectionId: string; paragraphs: string[] }) {
  const [open, setOpen] = useState(() => localStorage.getItem(key(sectionId)) !== '1');
  return (
    <details
      className="guidance"
      open={open}
      onToggle={(e) => {
        const nowOpen = e.currentTarget.open;
        setOpen(nowOpen);
        if (nowOpen) localStorage.removeItem(key(sectionId));
        else localStorage.setItem(key(sectionId), '1');
      }}
    >
      <summary>Guidance</summary>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </details>
  );
}
