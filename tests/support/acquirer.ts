import { POST as callbackPost } from "../../app/api/v1/payments/test-acquirer/callback/route";
import {
  signTestAcquirerNotification,
  type TestAcquirerNotificationBody,
} from "../../lib/payments/acquirer/test-acquirer";

/** The test acquirer's signed server-to-server notification, posted to the portal's callback route. */
export function postAcquirerCallback(n: TestAcquirerNotificationBody, secret?: string): Promise<Response> {
  const { body, headers } = signTestAcquirerNotification(n, secret);
  return callbackPost(
    new Request("http://localhost/api/v1/payments/test-acquirer/callback", { method: "POST", body, headers }),
  );
}
