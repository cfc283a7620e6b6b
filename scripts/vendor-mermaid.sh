#!/usr/bin/env bash
# Refresh the copy of Mermaid the site serves itself (generator/assets/):
# diagrams then draw on an intranet or with third-party scripts blocked. Takes the
# version pinned in tests/browser/package.json from the npm registry; the browser
# tests check the two agree.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python3 -c 'import json; print(json.load(open("tests/browser/package.json"))["dependencies"]["mermaid"])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mermaid@$version" >/dev/null && tar -xzf mermaid-*.tgz)
cp "$work/package/dist/mermaid.min.js" generator/assets/mermaid.min.js
cp "$work/package/LICENSE" generator/assets/mermaid-LICENSE.txt
echo "generator/assets/mermaid.min.js: mermaid $version"
