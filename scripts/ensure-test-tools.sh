#!/usr/bin/env bash
# Debian packages the tests drive for real: Chromium (browser tests) and Dovecot (IMAP intake tests).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts dovecot as a system service on install; the tests run their own instance.
  $sudo_cmd systemctl disable --now dovecot >/dev/null 2>&1 || $sudo_cmd service dovecot stop >/dev/null 2>&1 || true
fi
