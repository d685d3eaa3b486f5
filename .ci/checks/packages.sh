#!/usr/bin/env bash
# Packs the SDK as a release pipeline would (from a clone whose origin is the GitHub repository, so SourceLink
# is real), checks what each package holds, then builds and runs samples/PackageConsumer, which references the
# packages by PackageReference from that folder only, against the packaged emulator.
set -euo pipefail
root=$(pwd)
out="$root/.ci/out"
packages="$out/packages"
clone="$out/pack-clone"
rm -rf "$packages" "$clone" "$out/consumer-packages"
git clone -q "$root" "$clone"
git -C "$clone" remote set-url origin https://github.com/pluginapis/pluginapis.git
dotnet pack "$clone/PluginApis.sln" -c Release -o "$packages" -p:EnableSourceLink=true -p:ContinuousIntegrationBuild=true -nodeReuse:false

version=1.0.0
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
  unzip -p "$packages/$id.$version.snupkg" "lib/net10.0/$id.pdb" > "$out/$id.pdb"
  grep -aq "raw.githubusercontent.com/pluginapis/pluginapis" "$out/$id.pdb" \
    || { echo "$id: the symbols carry no SourceLink to the repository"; exit 1; }
  echo "$id $version: package, symbols, README, XML docs, licence, repository and SourceLink present"
done

cd "$root/samples/PackageConsumer"
dotnet restore -p:PluginApisVersion=$version
# Prove the SDK came from the packed folder and not from the solution's projects.
grep -q '"PluginTests.Client/1.0.0"' obj/project.assets.json
! grep -q '"type": "project"' obj/project.assets.json || { echo "the consumer resolved a project reference"; exit 1; }
dotnet run --no-restore -c Release -p:PluginApisVersion=$version
