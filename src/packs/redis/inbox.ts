/** What a server pushed to one connection (pub/sub and MONITOR messages), read in order with a bounded wait. Browser-safe. */
import type { Reply } from './resp';

export class Inbox {
  private readonly queue: Reply[] = [];
  private wake: (() => void) | undefined;
  private ended = false;

  put(reply: Reply): void {
    this.queue.push(reply);
    this.wake?.();
  }

  /** No more will come (the connection closed): a wait under way ends now. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** The next `count` messages, or those that arrived within `timeoutMs`. */
  async take(count: number, timeoutMs: number): Promise<Reply[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length < count && !this.ended && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    return this.queue.splice(0, count);
  }
}
