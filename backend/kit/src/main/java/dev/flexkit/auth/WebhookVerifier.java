package dev.flexkit.auth;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What webhook checking needs from the composition root: the public base URL Twilio calls (known
 * only after start when the port is picked at random) and the auth token Twilio signs with.
 */
public record WebhookVerifier(Supplier<URI> publicBaseUrl, Supplier<Optional<String>> authToken) {}
