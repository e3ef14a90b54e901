/** Body of `POST /api/users/{userId}/notifications`. */
export interface SendNotificationRequest {
  type: string;
  title: string;
  body: string;
  actionUrl?: string;
  data?: Record<string, unknown>;
}

/** Response of a successful send. */
export interface SendReceipt {
  id: string;
  seq: number;
  createdAt: string;
}

/** Gets a user token from the development-only `POST /dev/token`. */
export async function fetchUserToken(userId: string): Promise<string> {
  return postForToken({ userId });
}

let serviceToken: Promise<string> | null = null;

/**
 * Sends a notification as the `demo` service, with a service token from `POST /dev/token` that carries the
 * `notifications.send` scope. The token is reused until the server rejects it.
 */
export async function sendNotification(userId: string, request: SendNotificationRequest): Promise<SendReceipt> {
  for (let attempt = 0; attempt < 2; attempt++) {
    serviceToken ??= postForToken({ service: "demo", scopes: ["notifications.send"] });
    const token = await serviceToken.catch((error: unknown) => {
      serviceToken = null;
      throw error;
    });
    const response = await fetch(`/api/users/${encodeURIComponent(userId)}/notifications`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    if (response.status === 401 && attempt === 0) {
      serviceToken = null;
      continue;
    }

    if (!response.ok) {
      throw new Error(await describeFailure(response));
    }

    return (await response.json()) as SendReceipt;
  }

  throw new Error("Sending failed: the server rejected a new service token (401).");
}

async function postForToken(body: object): Promise<string> {
  const response = await fetch("/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`POST /dev/token failed: ${await describeFailure(response)}`);
  }

  const { token } = (await response.json()) as { token?: unknown };
  if (typeof token !== "string" || token === "") {
    throw new Error("POST /dev/token returned no token.");
  }

  return token;
}

/** Describes a failed response from its RFC 7807 problem details when it has them. */
async function describeFailure(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    const fieldErrors = Object.entries(problem.errors ?? {}).map(
      ([field, messages]) => `${field}: ${messages.join(" ")}`,
    );
    const parts = [problem.title, problem.detail, ...fieldErrors].filter(Boolean);
    if (parts.length > 0) {
      return `${response.status} ${parts.join(" ")}`;
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }

  return `${response.status} ${response.statusText} ${text}`.trim();
}
