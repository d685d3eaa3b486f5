#!/usr/bin/env bash
# The README's commands and snippets, checked as written. Every fenced block of README.md has a marker comment on the
# last non-blank line before it, <!-- readme-check: KIND ... -->, saying how it is checked; an unmarked block fails.
#   bash [at=..] [expect="TEXT"] [setup="CMD"] [verify=NAME] [in-ci-run="CMD"]
#       run as written (bash -euo pipefail). expect: a printed line, as a terminal shows it, starts with TEXT. setup: the
#       check's own step before the block (not the README's). verify=NAME: verify_NAME below, after the block.
#       in-ci-run: the block's lines starting with CMD are not run here; .ci/run must run exactly CMD instead.
#   server ready="TEXT"                 start the command, wait until it prints TEXT, stop it
#   file PATH [at=..]                   write the block to PATH
#   insert PATH before=TEXT [at=..]     insert the block into PATH before the first line containing TEXT
#   csharp run|compile [fixture=NAME] [expect="TEXT"]   compiled (and run against the embedded emulator) by .ci/readme
#   json                                strict JSON that loads as configuration
#   layout                              the first word of every line (not indented) is a path in the repository
#   skip reason="WHY"                   not checked; says why
# at=repo (default) runs in the repository root; at=workspace in a scratch folder outside the repository holding a clone
# of it, pluginapis/ (origin: a local path), as the folder where a user keeps their clone; shared by the blocks in order.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out="$root/.ci/out/readme"
rm -rf "$out"; mkdir -p "$out/raw" "$out/blocks"
workspace=""
package_ids="PluginApis.Http PluginTests.Client WunderUpdates.Client PluginApis.Emulator PluginApis.Quota.Redis PluginApis.Cli"

cleanup() {
  [ -n "$workspace" ] || return 0
  # The local packs this check restored went into the user-wide package folder: remove those versions, and only those.
  for nupkg in "$workspace"/pluginapis-packages/*.nupkg; do
    [ -e "$nupkg" ] || continue
    for id in $package_ids; do
      version=$(basename "$nupkg" .nupkg); version=${version#"$id".}
      [ "$(basename "$nupkg")" = "$id.$version.nupkg" ] && [[ $version =~ ^[0-9] ]] || continue
      rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/${id,,}/$version"
    done
  done
  rm -rf "$workspace"
}
trap cleanup EXIT

fail() { echo "README.md:$line: $*"; exit 1; }

# Sets $dir to where the block runs (see at= above); makes the workspace on first use.
set_block_dir() {
  if [ "${opts[at]:-repo}" = workspace ]; then
    if [ -z "$workspace" ]; then
      workspace=$(mktemp -d "${TMPDIR:-/tmp}/pluginapis-readme.XXXXXX")
      git clone -q "$root" "$workspace/pluginapis"
    fi
    dir=$workspace
  else
    dir=$root
  fi
}

# Parses "KIND [WORD]... [key=value | key="value with spaces"]..." into $kind, ${args[@]} and ${opts[key]}.
parse_marker() {
  local rest=$1
  kind=""; args=(); opts=()
  while [[ $rest =~ ^[[:space:]]*([^[:space:]].*)$ ]]; do
    rest=${BASH_REMATCH[1]}
    if [[ $rest =~ ^([a-z-]+)=\"([^\"]*)\"(.*)$ ]] || [[ $rest =~ ^([a-z-]+)=([^[:space:]]*)(.*)$ ]]; then
      opts[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}; rest=${BASH_REMATCH[3]}
    elif [[ $rest =~ ^([^[:space:]]+)(.*)$ ]]; then
      if [ -z "$kind" ]; then kind=${BASH_REMATCH[1]}; else args+=("${BASH_REMATCH[1]}"); fi
      rest=${BASH_REMATCH[2]}
    fi
  done
}

# Running and not yet reaped (kill -0 also succeeds for a zombie).
alive() { [ -r "/proc/$1/stat" ] && [ "$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

# Succeeds when a line of $1, as a terminal shows it (after its last carriage return), starts with $2.
shows_line() { awk -v text="$2" '{ n = split($0, part, "\r"); if (index(part[n], text) == 1) found = 1 } END { exit !found }' "$1"; }

run_bash() {
  local block=$1 script log
  set_block_dir; script="$out/raw/$n.sh"; log="$out/raw/$n.log"
  if [ -n "${opts[in-ci-run]:-}" ]; then
    local command=${opts[in-ci-run]} found=""
    while IFS= read -r ci_line; do
      ci_line=${ci_line#"${ci_line%%[![:space:]]*}"}
      [[ $ci_line == "$command" || $ci_line == "$command "* ]] && found=1
    done < .ci/run
    [ -n "$found" ] || fail ".ci/run does not run \"$command\""
    awk -v c="$command" 'index($0, c) == 1 { found = 1 } END { exit !found }' "$block" || fail "no line of the block starts with \"$command\""
    awk -v c="$command" 'index($0, c) != 1' "$block" > "$script"
  else
    cp "$block" "$script"
  fi
  if [ -n "${opts[setup]:-}" ]; then (cd "$dir" && bash -c "${opts[setup]}") || fail "setup failed: ${opts[setup]}"; fi
  echo "--- README.md:$line (in ${opts[at]:-repo})"; sed 's/^/    $ /' "$script"
  if ! (cd "$dir" && timeout 1800 bash -euo pipefail "$script") > "$log" 2>&1; then
    tail -n 40 "$log"; fail "the block failed"
  fi
  tail -n 5 "$log" | sed 's/^/    | /'
  if [ -n "${opts[expect]:-}" ]; then shows_line "$log" "${opts[expect]}" || fail "no printed line starts with \"${opts[expect]}\""; fi
  if [ -n "${opts[verify]:-}" ]; then (cd "$dir" && "verify_${opts[verify]//-/_}" "$log") || fail "verify ${opts[verify]} failed"; fi
}

run_server() {
  local block=$1 log="$out/raw/$n.log" pid ready=${opts[ready]:?server needs ready=}
  echo "--- README.md:$line (server)"; sed 's/^/    $ /' "$block"
  setsid bash -euo pipefail "$block" > "$log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 1 300); do
    grep -qF "$ready" "$log" && break
    alive "$pid" || break
    sleep 1
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed 's/^/    | /' "$log" | head -n 12
  grep -qF "$ready" "$log" || fail "the command never printed \"$ready\""
}

# After the README's first pack from a clone of a local path: warning-free, one 1.0.0-local.<time> version for all six
# packages and their dependencies, and symbols without SourceLink (there is no GitHub origin to link to).
verify_local_clone_pack() {
  ! grep -iE '(^|[ :])warning( [A-Z]+[0-9]+)? ?:' "$1" || { echo "the pack printed warnings"; return 1; }
  local version
  version=$(cd pluginapis-packages && ls PluginApis.Http.*.nupkg | sed -E 's/^PluginApis\.Http\.(.*)\.nupkg$/\1/')
  [[ $version =~ ^1\.0\.0-local\.[0-9]{14}$ ]] || { echo "unexpected version '$version'"; return 1; }
  for id in $package_ids; do
    [ -f "pluginapis-packages/$id.$version.nupkg" ] && [ -f "pluginapis-packages/$id.$version.snupkg" ] || { echo "$id $version missing"; return 1; }
    ! unzip -p "pluginapis-packages/$id.$version.snupkg" "lib/net10.0/$id.pdb" | grep -aq '{"documents":' \
      || { echo "$id: SourceLink in a pack from a clone of a local path"; return 1; }
  done
  unzip -p "pluginapis-packages/PluginTests.Client.$version.nupkg" PluginTests.Client.nuspec | grep -qF "id=\"PluginApis.Http\" version=\"$version\"" \
    || { echo "PluginTests.Client does not depend on PluginApis.Http $version"; return 1; }
  echo "    local pack $version: 6 packages with symbols, no SourceLink, no warning"
}

# After a change and the README's second pack: a newer version, which MyApp's 1.0.0-local.* now resolves.
verify_newest_pack_restored() {
  local versions newest
  versions=$(cd pluginapis-packages && ls PluginTests.Client.*.nupkg | sed -E 's/^PluginTests\.Client\.(.*)\.nupkg$/\1/' | sort)
  newest=$(tail -n 1 <<<"$versions")
  [ "$(wc -l <<<"$versions")" -ge 2 ] || { echo "the second pack made no new version (only $versions)"; return 1; }
  grep -qF "\"PluginTests.Client/$newest\"" MyApp/obj/project.assets.json || { echo "MyApp did not resolve $newest"; return 1; }
  echo "    MyApp resolved the new pack $newest"
}

declare -a args; declare -A opts
awk -v dir="$out/raw" -f .ci/readme/extract.awk README.md > "$out/manifest"
csharp_blocks=0
while IFS=$'\t' read -r n line lang marker; do
  block="$out/raw/$n.txt"
  [ -n "$marker" ] || fail "a \`\`\`$lang block without a <!-- readme-check: KIND ... --> marker (see .ci/checks/readme.sh)"
  parse_marker "$marker"
  case "$kind" in
    bash) run_bash "$block" ;;
    server) run_server "$block" ;;
    file)
      set_block_dir; mkdir -p "$(dirname "$dir/${args[0]}")"; cp "$block" "$dir/${args[0]}"
      echo "--- README.md:$line: wrote ${args[0]}" ;;
    insert)
      set_block_dir; target="$dir/${args[0]}"; before=${opts[before]:?insert needs before=}
      grep -qF "$before" "$target" || fail "${args[0]} has no line containing $before"
      awk -v before="$before" -v block="$block" \
        '!done && index($0, before) { while ((getline l < block) > 0) print l; done = 1 } { print }' "$target" > "$target.new"
      mv "$target.new" "$target"; echo "--- README.md:$line: inserted into ${args[0]}" ;;
    csharp)
      [[ ${args[0]:-} =~ ^(run|compile)$ ]] || fail "csharp needs run or compile"
      bash .ci/readme/generate-class.sh csharp "$block" "$line" "$out/blocks/Block$n.cs" "${args[0]}" "${opts[fixture]:-}" "${opts[expect]:-}"
      csharp_blocks=$((csharp_blocks + 1)) ;;
    json)
      bash .ci/readme/generate-class.sh json "$block" "$line" "$out/blocks/Block$n.cs"; csharp_blocks=$((csharp_blocks + 1)) ;;
    layout)
      while IFS= read -r entry; do
        [[ -z $entry || $entry == [[:space:]]* ]] && continue   # an indented line continues the one above
        path=${entry%%[[:space:]]*}
        [ -e "$path" ] || fail "the layout names $path, which does not exist"
      done < "$block"
      echo "--- README.md:$line: every path of the layout exists" ;;
    skip) [ -n "${opts[reason]:-}" ] || fail "skip needs reason=\"...\""; echo "--- README.md:$line: skipped: ${opts[reason]}" ;;
    *) fail "unknown readme-check kind '$kind'" ;;
  esac
done < "$out/manifest"

if [ "$csharp_blocks" -gt 0 ]; then
  echo "--- C# and JSON blocks: compiling $csharp_blocks into .ci/readme/ReadmeSnippets.csproj"
  dotnet build .ci/readme/ReadmeSnippets.csproj -warnaserror -nodeReuse:false -v:q -p:ReadmeBlocksDirectory="$out/blocks/" > "$out/build.log" 2>&1 \
    || { grep -E 'error|warning' "$out/build.log" | sort -u | head -n 30; echo "README C# blocks do not compile"; exit 1; }
  dotnet run --no-build --project .ci/readme/ReadmeSnippets.csproj
fi
echo "README: every block checked"
