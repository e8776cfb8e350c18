/**
 * The selected cells' audit as the selection moves, only while the pane is shown: hidden, it stops listening (Excel
 * calls no handler for a pane nobody sees); shown again, it audits once, since the selection may have moved meanwhile,
 * and listens again.
 */
export type Listen = (onChange: () => void) => Promise<() => Promise<void>>;

/** Returns `show(shown)`: call it with true to start, then whenever the pane is hidden or shown. */
export function auditWhileShown(listen: Listen, audit: () => Promise<void>): (shown: boolean) => Promise<void> {
  let shown = false;
  let stop: (() => Promise<void>) | null = null;
  let done: Promise<void> = Promise.resolve();
  // A change already on its way when the pane hides is skipped, not audited.
  const onChange = () => (shown ? void audit() : undefined);
  const settle = async () => {
    if (shown && !stop) {
      stop = await listen(onChange);
      await audit();
    } else if (!shown && stop) {
      const stopping = stop;
      stop = null;
      await stopping();
    }
  };
  return (next) => {
    shown = next;
    // One change at a time, so a quick hide-and-show never leaves two handlers or none.
    done = done.then(settle, settle);
    return done;
  };
}
