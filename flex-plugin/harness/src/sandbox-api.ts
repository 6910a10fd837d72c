/**
 * The sandbox as the desktop sees it: its control API (who the agents are, their reservations,
 * tokens) and its Twilio REST emulator, which the desktop calls the way Flex UI's SDKs call Twilio.
 */

export interface SandboxInfo {
  accountSid: string;
  authToken: string;
  workspaceSid: string;
  workers: Array<{ sid: string; identity: string; friendlyName: string }>;
  numbers?: { sms: string[]; whatsapp: string[] };
}

export interface SandboxReservation {
  sid: string;
  taskSid: string;
  status: string;
}

export interface SandboxWorker {
  sid: string;
  identity?: string;
  friendlyName?: string;
  activity?: string | { name?: string };
  activityName?: string;
  reservations: SandboxReservation[];
}

export interface IssuedToken {
  token: string;
  identity: string;
  workerSid: string;
  expiresAt: string;
}

export interface TwilioTask {
  sid: string;
  assignment_status: string;
  attributes: string | null;
  task_channel_unique_name: string | null;
  task_queue_friendly_name: string | null;
  date_created: string;
}

export interface TwilioActivity {
  sid: string;
  friendly_name: string;
  available: boolean;
}

export interface TwilioMessage {
  sid: string;
  index: number;
  author: string | null;
  body: string | null;
  date_created: string;
}

export class SandboxRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const readJson = async <T>(response: Response, what: string): Promise<T> => {
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const message = body?.error?.message ?? body?.message ?? `${what} failed with HTTP ${response.status}`;
    throw new SandboxRequestError(message, response.status);
  }
  return body as T;
};

export class SandboxApi {
  private credentials = '';

  constructor(private readonly origin: string) {}

  async info(): Promise<SandboxInfo> {
    const info = await readJson<SandboxInfo>(await fetch(`${this.origin}/sandbox/api/info`), 'GET /sandbox/api/info');
    this.credentials = btoa(`${info.accountSid}:${info.authToken}`);
    return info;
  }

  async issueToken(identity: string): Promise<IssuedToken> {
    return readJson<IssuedToken>(await this.control('POST', '/tokens', { identity }), 'POST /sandbox/api/tokens');
  }

  async workers(): Promise<SandboxWorker[]> {
    const body = await readJson<{ workers: SandboxWorker[] }>(
      await this.control('GET', '/workers'),
      'GET /sandbox/api/workers',
    );
    return body.workers;
  }

  async decideReservation(reservationSid: string, decision: 'accept' | 'reject'): Promise<void> {
    await readJson(
      await this.control('POST', `/reservations/${reservationSid}/${decision}`, {}),
      `${decision} reservation`,
    );
  }

  async setActivity(workerSid: string, activity: string): Promise<void> {
    await readJson(await this.control('POST', `/workers/${workerSid}/activity`, { activity }), 'set activity');
  }

  /** A Twilio REST call through the emulator, e.g. `twilio('GET', 'taskrouter', '/v1/Workspaces/WS…/Tasks/WT…')`. */
  async twilio<T>(method: 'GET' | 'POST', product: string, path: string, form?: Record<string, string>): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Basic ${this.credentials}` };
    let body: string | undefined;
    if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      // Flex UI's SDK actions fire Conversations webhooks; REST calls only do when asked to.
      headers['X-Twilio-Webhook-Enabled'] = 'true';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(`${this.origin}/twilio/${product}${path}`, { method, headers, body });
    return readJson<T>(response, `${method} ${product}${path}`);
  }

  private control(method: string, path: string, json?: unknown): Promise<Response> {
    return fetch(`${this.origin}/sandbox/api${path}`, {
      method,
      headers: json === undefined ? {} : { 'Content-Type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  }
}
