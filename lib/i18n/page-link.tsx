import { getLocale } from "next-intl/server";
import type { AnchorHTMLAttributes, ReactNode } from "react";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** a path of the portal without the language ("/status", "/buy/identify?x=1") */
  href: string;
  children: ReactNode;
};

/**
 * A link to a page of the portal in the page's language, as a plain <a> rendered on the server: no client component,
 * so citizen pages load neither next/link nor next-intl's navigation in the browser (issue 17: first-load JavaScript).
 * Following it loads the page (the pages work without JavaScript anyway). Server components only.
 */
export async function PageLink({ href, children, ...rest }: Props) {
  const locale = await getLocale();
  return (
    <a href={`/${locale}${href === "/" ? "" : href}`} {...rest}>
      {children}
    </a>
  );
}
