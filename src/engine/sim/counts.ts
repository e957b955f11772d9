/**
 * Whole requests from rates. Traffic is a rate per second, so the requests of an interval are
 * rate × seconds, often not a whole number (0.16 a second for a minute is 9.6). A counter keeps
 * the exact cumulative amounts and hands out whole requests per interval: sent is the growth of
 * the rounded-down cumulative offered load, served follows the rounded-down cumulative served
 * load but never exceeds what was sent, and dropped is the rest, so sent = served + dropped in
 * every interval and the totals stay within one request of the exact amounts.
 */
export class RequestCounter {
  private offered = 0;
  private dropped = 0;
  private sentWhole = 0;
  private servedWhole = 0;

  /** Adds `seconds` at `rate` requests a second, `served` of them served. */
  add(rate: number, served: number, seconds: number): void {
    this.offered += rate * seconds;
    this.dropped += (rate - served) * seconds;
  }

  /** The whole requests since the last call. */
  take(): { sent: number; served: number; dropped: number } {
    const sentNow = Math.floor(this.offered + 1e-9);
    const sent = sentNow - this.sentWhole;
    const exactServed = Math.floor(this.offered - this.dropped + 1e-9);
    const servedNow = Math.min(Math.max(exactServed, this.servedWhole), this.servedWhole + sent);
    const served = servedNow - this.servedWhole;
    this.sentWhole = sentNow;
    this.servedWhole = servedNow;
    return { sent, served, dropped: sent - served };
  }
}
