#!/usr/bin/env bash
# Installs what the WordPress parity check runs against: PHP's command line and Debian's `wordpress` package
# (core's PHP under /usr/share/wordpress). Idempotent: does nothing when both are present.
#
# What Debian 12's `wordpress` (6.1.9) pulls in with --no-install-recommends (about 30 packages): apache2 and its APR
# libraries (for `apache2 | httpd`), libapache2-mod-php8.2, mariadb-client (for `default-mysql-client`), php8.2-gd,
# php8.2-mysql, php-getid3 and the libjs-cropper/prototype/scriptaculous/underscore scripts; php-cli brings php8.2-cli.
# No service may start: if the machine has no /usr/sbin/policy-rc.d, a temporary one answering 101 ("action forbidden")
# is put in place for the install and removed after it, so apache2's maintainer scripts do not start the server. Nothing
# is configured or served: the check only `require`s core's PHP files from the command line.
set -euo pipefail

if command -v php >/dev/null 2>&1 && [ -f /usr/share/wordpress/wp-includes/functions.php ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

policy=/usr/sbin/policy-rc.d
added_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# Temporary: no service starts while the WordPress parity check installs its packages.\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  added_policy=true
fi
cleanup() { if $added_policy; then $sudo rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends php-cli wordpress

php --version | head -n 1
grep -m1 "wp_version = " /usr/share/wordpress/wp-includes/version.php
