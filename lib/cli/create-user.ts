/**
 * Creates a real staff account — the only way production gets accounts (the seed makes demo ones only in development).
 *   npm run user:create -- --login a.asanova --name "Асанова Айгуль" --role CLERK --office BISHKEK
 *   npm run user:create -- --login doctor1 --name "…" --role DOCTOR --health-org CFM_BISHKEK_1
 * The password is asked for (not echoed), or read from standard input when it is not a terminal; with
 * --generate-password (or an empty answer at the prompt) a strong one is generated and printed ONCE. It is never an
 * argument, so it does not land in shell history or the process list. This is how a real installation gets its first
 * admin: `npm run db:seed` creates no accounts outside development.
 */
import readline from "node:readline";
import { ZodError } from "zod";
import { openDb } from "../db/client";
import { isAppError } from "../errors";
import { generatePassword } from "../auth/password";
import { secondFactorRequired } from "../auth/second-factor";
import { createStaffUser } from "../users/mutations";

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Mute the echo of what is typed after the question.
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
      out._writeToOutput = (s: string) => {
        if (s.startsWith(q)) out.output.write(s);
      };
      rl.question(q, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  if (first !== second) throw new Error("The passwords do not match.");
  return first;
}

async function main() {
  const input = {
    login: arg("login") ?? "",
    fullName: arg("name") ?? "",
    role: (arg("role") ?? "").toUpperCase() as "CLERK",
    officeCode: arg("office"),
    healthOrganizationCode: arg("health-org"),
    password: "",
  };
  let generated = process.argv.includes("--generate-password");
  if (!generated) {
    input.password = await readPassword();
    generated = input.password === "" && process.stdin.isTTY === true;
  }
  if (generated) input.password = generatePassword();
  const { db, close } = openDb();
  try {
    const user = await createStaffUser({ id: null, label: `cli:${process.env.USER ?? "unknown"}` }, input, db);
    console.log(`✔ Created ${user.role} ${user.login} (${user.id})`);
    if (generated) {
      console.log(`  Generated password (shown once, not stored anywhere in clear): ${input.password}`);
      console.log(
        secondFactorRequired(user.role)
          ? "  Hand it over in person; the user signs in and enrols the second factor."
          : "  Hand it over in person.",
      );
    }
  } finally {
    await close();
  }
}

main().catch((e) => {
  if (e instanceof ZodError) {
    for (const issue of e.issues) console.error(`✖ ${issue.path.join(".") || "input"}: ${issue.message}`);
    console.error(
      "Usage: npm run user:create -- --login <login> --name <full name> --role CLERK|DOCTOR|REFUND_OFFICER|ADMIN|ANALYST [--office <code>] [--health-org <code>] [--generate-password]",
    );
  } else if (isAppError(e)) {
    console.error(`✖ ${e.field ?? "input"}: ${e.code}`);
  } else {
    console.error(e instanceof Error ? e.message : e);
  }
  process.exit(1);
});
