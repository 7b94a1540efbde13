import type { CalendarDate, Category } from "@/lib/rules";

export type PersonSearchMatch = "PIN" | "DOCUMENT" | "NAME";

/** A hit of the desk's person search (issue 12), ranked by how it matched. */
export type PersonSearchRow = {
  id: string;
  match: PersonSearchMatch;
  fullName: string;
  pin: string | null;
  documentNumber: string | null;
  birthDate: CalendarDate | null;
  category: Category;
};
