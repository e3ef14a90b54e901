import type { ReactElement } from "react";

interface IconShape {
  /** Short name used in class names and tests. */
  name: string;
  paths: ReactElement;
}

// Outline icons on a 24x24 grid, drawn for this project.
const OrderIcon: IconShape = {
  name: "order",
  paths: (
    <>
      <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5z" />
      <path d="M3 7.5 12 12l9-4.5M12 12v9" />
    </>
  ),
};
const MessageIcon: IconShape = {
  name: "message",
  paths: <path d="M4 5h16v11H9l-5 4z" />,
};
const MentionIcon: IconShape = {
  name: "mention",
  paths: (
    <>
      <circle cx="12" cy="12" r="3.5" />
      <path d="M15.5 12v1.5a2.5 2.5 0 0 0 5 0V12a8.5 8.5 0 1 0-3.5 6.9" />
    </>
  ),
};
const TaskIcon: IconShape = {
  name: "task",
  paths: (
    <>
      <rect x="4" y="4" width="16" height="16" rx="2" />
      <path d="m8 12 3 3 5-6" />
    </>
  ),
};
const PaymentIcon: IconShape = {
  name: "payment",
  paths: (
    <>
      <rect x="3" y="6" width="18" height="12" rx="2" />
      <path d="M3 10h18M7 15h3" />
    </>
  ),
};
const AlertIcon: IconShape = {
  name: "alert",
  paths: (
    <>
      <path d="M12 3 2 20h20z" />
      <path d="M12 10v4M12 17v.5" />
    </>
  ),
};
const DefaultIcon: IconShape = {
  name: "default",
  paths: (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </>
  ),
};

/** Icons of the built-in notification types. Any other type gets the default icon. */
const IconsByType: Readonly<Record<string, IconShape>> = {
  "order:status_changed": OrderIcon,
  "message:received": MessageIcon,
  "mention:comment": MentionIcon,
  "task:assigned": TaskIcon,
  "payment:processed": PaymentIcon,
  "system:alert": AlertIcon,
};

/** Returns the icon name for a notification type: a built-in icon's name, or `default`. */
export function iconNameForType(type: string): string {
  return (Object.hasOwn(IconsByType, type) ? IconsByType[type] : undefined)?.name ?? DefaultIcon.name;
}

/** A decorative icon for a notification type, hidden from assistive technology. */
export function NotificationIcon({ type }: { type: string }) {
  const icon = (Object.hasOwn(IconsByType, type) ? IconsByType[type] : undefined) ?? DefaultIcon;
  return (
    <span className={`nb-icon nb-icon--${icon.name}`} data-icon={icon.name} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.8">
        {icon.paths}
      </svg>
    </span>
  );
}

/** The bell drawn on the notification button. */
export function BellIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      {DefaultIcon.paths}
    </svg>
  );
}
