import { useState, type FormEvent } from "react";
import { sendNotification, type SendNotificationRequest } from "./devApi";

const BuiltInTypes = [
  "order:status_changed",
  "message:received",
  "mention:comment",
  "task:assigned",
  "payment:processed",
  "system:alert",
] as const;
const CustomType = "custom";

/** Sends a test notification of any type to any user, as the `demo` service. */
export function SendForm({ currentUserId }: { currentUserId: string }) {
  const [recipient, setRecipient] = useState(currentUserId);
  const [typeChoice, setTypeChoice] = useState<string>(BuiltInTypes[0]);
  const [customType, setCustomType] = useState("build:finished");
  const [title, setTitle] = useState("Order #1042 shipped");
  const [body, setBody] = useState("Your parcel is on its way.");
  const [actionUrl, setActionUrl] = useState("/orders/1042");
  const [data, setData] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request: SendNotificationRequest = {
      type: typeChoice === CustomType ? customType.trim() : typeChoice,
      title,
      body,
    };
    if (actionUrl.trim() !== "") {
      request.actionUrl = actionUrl.trim();
    }

    if (data.trim() !== "") {
      try {
        request.data = JSON.parse(data) as Record<string, unknown>;
      } catch {
        setResult({ ok: false, text: "Data is not valid JSON." });
        return;
      }
    }

    setSending(true);
    setResult(null);
    try {
      const receipt = await sendNotification(recipient.trim(), request);
      setResult({ ok: true, text: `Sent to ${recipient.trim()}: seq ${receipt.seq}, id ${receipt.id}.` });
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="demo-form" aria-labelledby="send-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="send-heading">Send a test notification</h2>
      <label>
        Recipient user id
        <input name="recipient" value={recipient} onChange={(event) => setRecipient(event.target.value)} required />
      </label>
      <label>
        Type
        <select name="type" value={typeChoice} onChange={(event) => setTypeChoice(event.target.value)}>
          {BuiltInTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
          <option value={CustomType}>Other type…</option>
        </select>
      </label>
      {typeChoice === CustomType && (
        <label>
          Other type
          <input name="customType" value={customType} onChange={(event) => setCustomType(event.target.value)} />
        </label>
      )}
      <label>
        Title
        <input name="title" value={title} onChange={(event) => setTitle(event.target.value)} required />
      </label>
      <label>
        Body
        <textarea name="body" rows={3} value={body} onChange={(event) => setBody(event.target.value)} />
      </label>
      <label>
        Action URL (optional)
        <input name="actionUrl" value={actionUrl} onChange={(event) => setActionUrl(event.target.value)} />
      </label>
      <label>
        Data, a JSON object (optional)
        <textarea name="data" rows={2} value={data} onChange={(event) => setData(event.target.value)} />
      </label>
      <button type="submit" disabled={sending}>
        {sending ? "Sending…" : "Send"}
      </button>
      <p role="status" className={result?.ok === false ? "demo-result demo-result--error" : "demo-result"}>
        {result?.text}
      </p>
    </form>
  );
}
