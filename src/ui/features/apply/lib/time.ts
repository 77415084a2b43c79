/** An ISO time as the browser's locale writes it ("12 May 2025, 14:03:05"); the text itself when it is not a time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
