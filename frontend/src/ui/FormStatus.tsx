// A form's outcome under it: the error (role="alert") and the notice (role="status"),
// each only when there is one.
export function FormStatus({ err, flash }: { err?: string; flash?: string }) {
  return (
    <>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      {flash && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
    </>
  );
}
