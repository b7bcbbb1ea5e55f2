/** A form-level error, announced to screen readers as soon as it appears. */
export function FormError({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  )
}
