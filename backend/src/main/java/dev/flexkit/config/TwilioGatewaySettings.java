package dev.flexkit.config;

/**
 * How the service calls Twilio: at most {@code maxConcurrency} requests in flight (Twilio's
 * per-account concurrency limit is what 429s protect), and at most {@code maxAttempts} tries of
 * one request when Twilio says to come back later.
 */
public record TwilioGatewaySettings(int maxConcurrency, int maxAttempts) {}
