#!/usr/bin/env bash
# Turns one README block into a C# class for .ci/readme/ReadmeSnippets.csproj (see Snippet.cs and JsonBlock.cs).
# Usage: generate-class.sh csharp|json BLOCK_FILE LINE OUTPUT_FILE [run|compile] [FIXTURE] [EXPECT]
# A csharp block's leading using directives stay at the top of the file; the rest becomes the body of BodyAsync, with
# #line directives so that compiler errors name the README line. The SDK's namespaces are imported when the block omits them.
set -euo pipefail
kind=$1 block=$2 line=$3 output=$4 mode=${5:-} fixture=${6:-} expect=${7:-}
name=Block$(printf '%04d' "$line")
readme=$(cd "$(dirname "$0")/../.." && pwd)/README.md

if [ "$kind" = json ]; then
  {
    echo "namespace ReadmeSnippets;"
    echo
    echo "internal sealed class $name : JsonBlock"
    echo "{"
    echo "    public override string Origin => \"README.md:$line\";"
    echo
    echo "    protected override string Json => \"\"\""
    cat "$block"
    echo "\"\"\";"
    echo "}"
  } > "$output"
  exit 0
fi

using_directive='^using +(static +)?[A-Za-z_][A-Za-z0-9_.]*( += +[A-Za-z_][A-Za-z0-9_.]*)? *; *$'
head_lines=$(awk -v re="$using_directive" '$0 ~ re || /^[ \t]*$/ { n++; next } { exit } END { print n + 0 }' "$block")
base=Snippet
[ -n "$fixture" ] && base=${fixture}Fixture
escaped_expect=${expect//\\/\\\\}
escaped_expect=${escaped_expect//\"/\\\"}
{
  head -n "$head_lines" "$block" | grep -E "$using_directive" || true
  for namespace in PluginApis.Emulator PluginApis.Http PluginTests.Client WunderUpdates.Client \
                   Microsoft.Extensions.Configuration Microsoft.Extensions.DependencyInjection Microsoft.Extensions.Hosting; do
    head -n "$head_lines" "$block" | grep -qE "^using +$namespace *;" || echo "using $namespace;"
  done
  echo
  echo "namespace ReadmeSnippets;"
  echo
  echo "internal sealed class $name : $base"
  echo "{"
  echo "    public override string Origin => \"README.md:$line\";"
  echo
  echo "    public override bool Runs => $([ "$mode" = run ] && echo true || echo false);"
  if [ -n "$expect" ]; then
    echo
    echo "    public override string? Expect => \"$escaped_expect\";"
  fi
  echo
  echo "    protected override async Task BodyAsync()"
  echo "    {"
  echo "#line $((line + head_lines)) \"$readme\""
  tail -n +"$((head_lines + 1))" "$block"
  echo "#line default"
  echo "        await Task.CompletedTask.ConfigureAwait(false);"
  echo "    }"
  echo "}"
} > "$output"
