#!/usr/bin/env bash
# WordPress parity: installs php-cli and Debian's `wordpress` package (WordPress core's PHP under /usr/share/wordpress; no
# service is started, nothing is configured), then runs tests/WordPressParity, which feeds the same corpus of plugin files,
# plugin folders and readme name lines to core's get_file_data(), get_plugin_data(), get_plugins(),
# Plugin_Upgrader::check_package() / plugin_info() and esc_html(), and to this SDK. Fails on any disagreement.
# Runs from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash tests/WordPressParity/install-wordpress.sh
dotnet build tests/WordPressParity -warnaserror -nodeReuse:false
dotnet run --project tests/WordPressParity --no-build -- --work .ci/out/wordpress-parity
