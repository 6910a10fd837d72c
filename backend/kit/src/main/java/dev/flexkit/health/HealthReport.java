package dev.flexkit.health;

import java.util.Map;

/** What /health answers: alive (the process serves requests) and ready (every dependency is). */
public record HealthReport(
    String status,
    boolean live,
    boolean ready,
    String mode,
    String version,
    Map<String, HealthCheck.Result> checks) {}
