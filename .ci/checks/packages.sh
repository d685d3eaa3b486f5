#!/usr/bin/env bash
# Packs the SDK with the plain command from a clone whose origin is the GitHub repository (so SourceLink is real, and on by
# default), warnings as errors; checks what each package holds and that all carry one 1.0.0-local.<time> version; then
# builds and runs samples/PackageConsumer, which references that exact version by PackageReference from the packed
# folder only, against the packaged emulator. Last, the release forms of the version (-p:Version, -p:VersionSuffix).
set -euo pipefail
root=$(pwd)
out="$root/.ci/out"
packages="$out/packages"
clone="$out/pack-clone"
rm -rf "$packages" "$clone" "$out/consumer-packages" "$out/release-packages"
git clone -q "$root" "$clone"
git -C "$clone" remote set-url origin https://github.com/pluginapis/pluginapis.git
dotnet pack "$clone/PluginApis.sln" -c Release -o "$packages" -warnaserror -nodeReuse:false

version=$(cd "$packages" && ls PluginApis.Http.*.nupkg | sed -E 's/^PluginApis\.Http\.(.*)\.nupkg$/\1/')
[[ $version =~ ^1\.0\.0-local\.[0-9]{14}$ ]] || { echo "a local pack is versioned '$version', not 1.0.0-local.<yyyyMMddHHmmss>"; exit 1; }
for id in PluginApis.Http PluginTests.Client WunderUpdates.Client PluginApis.Emulator PluginApis.Quota.Redis; do
  nupkg="$packages/$id.$version.nupkg"
  [ -f "$nupkg" ] || { echo "missing $nupkg"; exit 1; }
  [ -f "$packages/$id.$version.snupkg" ] || { echo "missing symbols package of $id"; exit 1; }
  listing=$(unzip -l "$nupkg")
  for expected in "README.md" "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -q "$expected" <<<"$listing" || { echo "$id: $expected is not in the package"; exit 1; }
  done
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  for field in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<repository type="git" url="https://github.com/pluginapis/pluginapis"' '<description>' '<tags>'; do
    grep -qF "$field" <<<"$nuspec" || { echo "$id: nuspec lacks $field"; exit 1; }
  done
  if grep -q '<dependency id="PluginApis\.' <<<"$nuspec"; then
    ! grep '<dependency id="PluginApis\.' <<<"$nuspec" | grep -vqF "version=\"$version\"" \
      || { echo "$id depends on another version of a PluginApis package"; exit 1; }
  fi
  unzip -p "$packages/$id.$version.snupkg" "lib/net10.0/$id.pdb" > "$out/$id.pdb"
  grep -aq "raw.githubusercontent.com/pluginapis/pluginapis" "$out/$id.pdb" \
    || { echo "$id: the symbols carry no SourceLink to the repository"; exit 1; }
  echo "$id $version: package, symbols, README, XML docs, licence, repository and SourceLink present"
done

tool="$packages/PluginApis.Cli.$version.nupkg"
[ -f "$tool" ] && [ -f "$packages/PluginApis.Cli.$version.snupkg" ] || { echo "missing the pluginapis tool package $version"; exit 1; }
# Listings are read whole before grep -q, which would otherwise stop early and fail the pipe under pipefail.
tool_listing=$(unzip -l "$tool")
grep -q "tools/net10.0/any/pluginapis.dll" <<<"$tool_listing" || { echo "PluginApis.Cli is not packed as a .NET tool"; exit 1; }
tool_nuspec=$(unzip -p "$tool" PluginApis.Cli.nuspec)
grep -qF '<packageType name="DotnetTool"' <<<"$tool_nuspec" || { echo "PluginApis.Cli is not typed DotnetTool"; exit 1; }
echo "PluginApis.Cli $version: a .NET tool package (pluginapis) with symbols"

cd "$root/samples/PackageConsumer"
dotnet restore -p:PluginApisVersion="$version"
# Prove the SDK came from the packed folder and not from the solution's projects.
grep -qF "\"PluginTests.Client/$version\"" obj/project.assets.json || { echo "the consumer did not resolve PluginTests.Client $version"; exit 1; }
! grep -q '"type": "project"' obj/project.assets.json || { echo "the consumer resolved a project reference"; exit 1; }
dotnet run --no-restore -c Release -p:PluginApisVersion="$version"

# A release sets the version: exactly, or as a pre-release of VersionPrefix. Every package and dependency follows it.
cd "$root"
dotnet pack "$clone/PluginApis.sln" -c Release --no-build -o "$out/release-packages" -p:Version=1.2.0 -nodeReuse:false > "$out/release-pack.log"
unzip -p "$out/release-packages/PluginTests.Client.1.2.0.nupkg" PluginTests.Client.nuspec | grep -qF '<dependency id="PluginApis.Http" version="1.2.0"' \
  || { echo "-p:Version=1.2.0 did not give PluginTests.Client 1.2.0 depending on PluginApis.Http 1.2.0"; exit 1; }
for id in PluginApis.Http PluginTests.Client WunderUpdates.Client PluginApis.Emulator PluginApis.Quota.Redis PluginApis.Cli; do
  [ -f "$out/release-packages/$id.1.2.0.nupkg" ] || { echo "-p:Version=1.2.0 did not version $id"; exit 1; }
done
[ "$(ls "$out/release-packages"/*.nupkg | wc -l)" -eq 6 ] || { echo "-p:Version=1.2.0 packed other than the 6 packages: $(ls "$out/release-packages")"; exit 1; }
suffixed=$(dotnet msbuild "$clone/src/PluginApis.Http/PluginApis.Http.csproj" -p:VersionSuffix=rc.1 -t:_GetProjectVersion -getProperty:PackageVersion -nodeReuse:false)
[ "$suffixed" = 1.0.0-rc.1 ] || { echo "-p:VersionSuffix=rc.1 gave '$suffixed'"; exit 1; }
echo "release versions: -p:Version=1.2.0 -> 1.2.0 everywhere, -p:VersionSuffix=rc.1 -> 1.0.0-rc.1"
