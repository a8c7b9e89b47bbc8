// Which of a problem's next steps is the primary button.

/** The order of a problem's statuses. */
const STATUS_ORDER = ['OPEN', 'RESPONDED', 'ON_SITE', 'ROOT_CAUSE_FOUND', 'DISPOSITION', 'RESOLVED', 'CLOSED'];

/** The primary step: forward (a step back, reopening, never is), and closing only once resolved. */
export function primaryStep(from: string, to: string): boolean {
  if (STATUS_ORDER.indexOf(to) < STATUS_ORDER.indexOf(from)) return false;
  return to !== 'CLOSED' || from === 'RESOLVED';
}
