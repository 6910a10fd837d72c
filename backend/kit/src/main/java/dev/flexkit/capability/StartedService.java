package dev.flexkit.capability;

import java.net.URI;

/** The service once it listens: its bound port, the URL to reach it here, and its public URL. */
public record StartedService(int port, URI localUrl, URI publicBaseUrl) {}
