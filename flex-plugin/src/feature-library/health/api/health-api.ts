import { BackendClient, BackendRequestError, BackendUnreachableError } from '../../../utils/backend-client';
import type { BackendHealth, HealthReport } from '../types/health';

const isHealthReport = (body: unknown): body is HealthReport =>
  typeof body === 'object' && body !== null && typeof (body as { ready?: unknown }).ready === 'boolean';

const failingChecks = (report: HealthReport): string =>
  Object.entries(report.checks ?? {})
    .filter(([, check]) => !check.healthy)
    .map(([name, check]) => (check.detail ? `${name}: ${check.detail}` : name))
    .join('; ');

const fromReport = (report: HealthReport): BackendHealth =>
  report.ready === true
    ? { state: 'connected', report }
    : { state: 'degraded', report, reason: failingChecks(report) || `status ${report.status}` };

/**
 * Asks the backend whether it is ready. Never throws: every outcome is a state the badge can show.
 * A 503 still carries the report, so it is "degraded", not "unreachable".
 */
export const checkBackendHealth = async (client: BackendClient, timeoutMs: number): Promise<BackendHealth> => {
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  try {
    const body = await client.get<unknown>('/health', { signal: controller?.signal });
    return isHealthReport(body) ? fromReport(body) : { state: 'degraded', reason: 'unexpected /health answer' };
  } catch (error) {
    if (error instanceof BackendRequestError) {
      return isHealthReport(error.body)
        ? fromReport(error.body)
        : { state: 'degraded', reason: `${error.status} ${error.code}: ${error.message}` };
    }
    if (error instanceof BackendUnreachableError) {
      return { state: 'unreachable', reason: error.message };
    }
    return { state: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    if (timer !== undefined) {
      clearTimeout(timer);
    }
  }
};
