// Participants are in England: dates read as "23 Nov 2026, 15:42".
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const number = new Intl.NumberFormat('en-GB');

export const formatDateTime = (ms: number): string => dateTime.format(ms);
export const formatTime = (ms: number): string => time.format(ms);
export const formatNumber = (n: number): string => number.format(n);
export const formatWords = (n: number): string =>
  `${number.format(n)} ${n === 1 ? 'word' : 'words'}`;
