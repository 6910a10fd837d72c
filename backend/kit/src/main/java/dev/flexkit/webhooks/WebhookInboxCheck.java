package dev.flexkit.webhooks;

import dev.flexkit.health.HealthCheck;

/**
 * Reports the inbox: events waiting, how old the oldest is, and the receipt-to-processed lag of the
 * last ones here. A backlog does not make the service unready: events are safe in the store.
 */
final class WebhookInboxCheck implements HealthCheck {
  private final WebhookInbox inbox;
  private final InboxLag lag;
  private final TwilioEventBus bus;

  WebhookInboxCheck(WebhookInbox inbox, InboxLag lag, TwilioEventBus bus) {
    this.inbox = inbox;
    this.lag = lag;
    this.bus = bus;
  }

  @Override
  public String name() {
    return "webhookInbox";
  }

  @Override
  public Result check() {
    long[] backlog = inbox.backlog();
    long oldest = backlog[0] == 0 ? 0 : System.currentTimeMillis() - backlog[1];
    return Result.healthy(
        String.format(
            "%d waiting (oldest %d ms); lag p50 %d ms, p99 %d ms over the last %d; %d processed here,"
                + " %d listener runs repeated, %d dropped",
            backlog[0],
            oldest,
            lag.percentile(50),
            lag.percentile(99),
            Math.min(lag.processed(), 10_000),
            lag.processed(),
            bus.retried(),
            bus.dropped()));
  }
}
