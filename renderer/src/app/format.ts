// Participants are in England: dates read as "23 Nov 2026, 15:42".
// Each formatter is made when first used: the first Intl.DateTimeFormat loads the locale's
// calendar and time-zone data, tens of milliseconds that opening a draft does not need.
const lazy = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const dateTime = lazy(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
);
const time = lazy(() => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }));
const number = lazy(() => new Intl.NumberFormat('en-GB'));

export const formatDateTime = (ms: number): string => dateTime().format(ms);
export const formatTime = (ms: number): string => time().format(ms);
export const formatNumber = (n: number): string => number().format(n);
export const formatWords = (n: number): string =>
  `${number().format(n)} ${n === 1 ? 'word' : 'words'}`;
