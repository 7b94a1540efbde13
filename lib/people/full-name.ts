/** A person's name as it is written in documents: surname, given name, patronymic (when there is one). */
export function fullName(p: { lastName: string; firstName: string; patronymic?: string | null }): string {
  return [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" ");
}
