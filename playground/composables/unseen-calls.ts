/**
 * Counts storage calls the reader has not looked at yet: the phone layout's Traffic tab shows the count
 * as a badge while another tab is open, and clears it when Traffic is opened.
 */
export class UnseenCounter {
  private seen = 0;

  /**
   * How many of `total` calls arrived since the reader last looked, given whether they look now. A total
   * that went down means a new run emptied the log: everything in it is new.
   */
  update(total: number, looking: boolean): number {
    if (total < this.seen) this.seen = 0;
    if (looking) this.seen = total;
    return total - this.seen;
  }
}
