import { Link } from "@/lib/i18n/navigation";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="no-print mb-6">
      <Link href={href} className="inline-block before:mr-1 before:content-['‹']" data-testid="back-link">
        {label}
      </Link>
    </p>
  );
}
