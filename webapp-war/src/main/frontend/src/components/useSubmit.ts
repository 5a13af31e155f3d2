import { useState } from 'react';

/**
 * A form's sending, as every dialog and settings card does it: `busy` while the request is under way
 * (the submit button waits, the dialog shows the work's progress), then `after` (close the dialog,
 * empty the form) once it went through. `send` resolves to false when the server refused; the
 * refusal itself is shown by whoever sent it (useOutcome).
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const submit = async (send: () => Promise<boolean | void>, after?: () => void) => {
    setBusy(true);
    let ok: boolean | void;
    try {
      ok = await send();
    } finally {
      setBusy(false);
    }
    if (ok !== false) after?.();
  };
  return { busy, submit };
}
