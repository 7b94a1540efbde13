// `server-only` for the command-line tools (lib/cli/tsconfig.cli.json maps the import here): a CLI is server code,
// and outside Next the package's own entry refuses every import (it is meant for Next's bundler conditions).
export {};
