package dev.flexkit.twilio;

/**
 * Twilio traffic since start: {@code requests} the code made, {@code roundTrips} that went on the
 * wire (requests plus retries), {@code retries}, and the most requests ever in flight at once.
 */
public record GatewayStats(
    long requests, long roundTrips, long retries, int inFlight, int peakInFlight) {}
