/** One dependency's check in the backend's /health report. */
export interface HealthCheck {
  healthy: boolean;
  detail?: string;
}

/**
 * Body of `GET /health`: 200 when ready, 503 otherwise (same shape).
 */
export interface HealthReport {
  status: 'UP' | 'DOWN';
  live: boolean;
  ready: boolean;
  mode: 'sandbox' | 'live';
  version: string;
  checks: Record<string, HealthCheck>;
}

/** What the agent sees: `checking` only until the first answer. */
export type BackendState = 'checking' | 'connected' | 'degraded' | 'unreachable';

export interface BackendHealth {
  state: BackendState;
  /** The report, when the backend sent one. */
  report?: HealthReport;
  /** Why the backend is not connected, in the backend's words (for the tooltip). */
  reason?: string;
}
