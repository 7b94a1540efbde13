import { PageLink } from "@/lib/i18n/page-link";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="no-print mb-6">
      <PageLink href={href} className="inline-block before:mr-1 before:content-['‹']" data-testid="back-link">
        {label}
      </PageLink>
    </p>
  );
}
