/** CONTRACT (being written): the creator profile form (onboarding and options). */
export function ProfileForm(_props: { onDone?: () => void; suggestedHandle?: string }) {
  return null;
}
