// The pure formatter only: unit-tested modules import it without pulling in react-admin (LondonDateField does).
export { LONDON, formatLondonDate, formatLondonDateTime, londonToday, londonToIso, toLondonInput } from './londonTime';
