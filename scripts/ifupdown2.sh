#!/usr/bin/env bash
# Make Debian's ifupdown2 available in DEST without installing it system-wide (nothing touches this
# machine's network configuration). Afterwards:
#   IFUPDOWN2_SCRATCH=$(mktemp -d) /usr/bin/python3 DEST/bin/ifquery -a -i FILE -o json
#
# Uses the shared tool ../shared/tools/ifupdown2/setup (relative to the repo; override the shared
# folder with NETSTAGE_SHARED) when it exists, otherwise does the same here: `apt-get download
# ifupdown2` (running `apt-get update` once if the package is not known yet), `dpkg -x` into DEST,
# and ifup/ifdown/ifquery/ifreload wrappers in DEST/bin that keep every state, lock, run and config
# path inside $IFUPDOWN2_SCRATCH.
#
# Idempotent: does nothing when DEST/bin/ifquery already exists.
# Usage: bash scripts/ifupdown2.sh DEST        (the bench uses .tools/ifupdown2, git-ignored)
set -euo pipefail

dest=${1:?usage: scripts/ifupdown2.sh DEST}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${NETSTAGE_SHARED:-$repo/../shared}
tool=$shared/tools/ifupdown2/setup

if [[ -e $dest/bin/ifquery ]]; then
  echo "ifupdown2 already in $dest"
  exit 0
fi

if [[ -x $tool ]]; then
  exec "$tool" "$dest"
fi

echo "no $tool: unpacking ifupdown2 ourselves" >&2
for cmd in apt-get dpkg; do
  command -v "$cmd" >/dev/null || { echo "$cmd not found: ifupdown2 can only be fetched on Debian/Ubuntu" >&2; exit 1; }
done
[[ -x /usr/bin/python3 ]] || { echo "/usr/bin/python3 not found (ifupdown2 needs the system python3)" >&2; exit 1; }

mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(
  cd "$tmp"
  if ! apt-get download ifupdown2 >/dev/null 2>&1; then
    echo "apt-get download ifupdown2 failed: running apt-get update once" >&2
    apt-get update >/dev/null
    apt-get download ifupdown2 >/dev/null
  fi
)
dpkg -x "$tmp"/ifupdown2_*.deb "$dest"
mkdir -p "$dest/bin"

# The wrapper: the operation comes from argv[0] (ifup/ifdown/ifquery/ifreload symlinks).
cat >"$dest/bin/ifupdown2-scratch.py" <<'PY'
#!/usr/bin/python3
"""Run the unpacked ifupdown2 with its config, state, lock, run and script paths inside
$IFUPDOWN2_SCRATCH (required). Mako templates and /etc/network/if-*.d scripts are switched off."""
import os
import sys

here = os.path.dirname(os.path.realpath(__file__))
root = os.path.realpath(os.path.join(here, '..'))
sys.path.insert(0, os.path.join(root, 'usr', 'share'))

scratch = os.environ.get('IFUPDOWN2_SCRATCH') or sys.exit('set IFUPDOWN2_SCRATCH to a scratch folder')
scratch = os.path.realpath(scratch)
for sub in ('run', 'state', 'scripts'):
    os.makedirs(os.path.join(scratch, sub), exist_ok=True)
conf = os.path.join(scratch, 'ifupdown2.conf')
addons = os.path.join(scratch, 'addons.conf')
shipped = os.path.join(root, 'etc', 'network', 'ifupdown2')
if not os.path.exists(conf):
    lines = []
    with open(os.path.join(shipped, 'ifupdown2.conf')) as f:
        for line in f.read().splitlines():
            key = line.split('=', 1)[0].strip()
            if key == 'state_dir':
                line = 'state_dir=%s/state/' % scratch
            elif key == 'template_enable':
                line = 'template_enable=0'
            elif key == 'addon_scripts_support':
                line = 'addon_scripts_support=0'
            elif key == 'addon_syntax_check' and os.environ.get('IFUPDOWN2_ADDON_SYNTAX_CHECK'):
                line = 'addon_syntax_check=' + os.environ['IFUPDOWN2_ADDON_SYNTAX_CHECK']
            lines.append(line)
    with open(conf, 'w') as f:
        f.write('\n'.join(lines) + '\n')
if not os.path.exists(addons):
    with open(os.path.join(shipped, 'addons.conf')) as src, open(addons, 'w') as dst:
        dst.write(src.read())

import ifupdown2.ifupdown.config as config
config.IFUPDOWN2_CONF_PATH = conf
config.ADDONS_CONF_PATH = addons
import ifupdown2.ifupdown.main as ifmain
ifmain.IFUPDOWN2_CONF_PATH = conf
ifmain.lockfile = os.path.join(scratch, 'run', '.lock')
import ifupdown2.ifupdown.ifupdownmain as ifupdownmain
ifupdownmain.ifupdownMain.addon_modules_configfile = addons
ifupdownmain.ifupdownMain.scripts_dir = os.path.join(scratch, 'scripts')
import ifupdown2.ifupdown.statemanager as statemanager
statemanager.stateManager.state_rundir = os.path.join(scratch, 'run') + '/'

if os.environ.get('IFUPDOWN2_NO_DRYRUN_FIX') != '1':
    # ifupdown2 3.0.0: --no-act on a bridge dies with "link_set_bridge_info_data_dry_run() missing
    # 1 required positional argument: 'link_just_created'".
    import ifupdown2.lib.nlcache as nlcache
    _orig = nlcache.NetlinkListenerWithCache.link_set_bridge_info_data_dry_run
    def _fixed(self, ifname, ifla_info_data, link_just_created=False):
        return _orig(self, ifname, ifla_info_data, link_just_created)
    nlcache.NetlinkListenerWithCache.link_set_bridge_info_data_dry_run = _fixed

import ifupdown2.__main__ as entry
sys.exit(entry.main())
PY
chmod +x "$dest/bin/ifupdown2-scratch.py"
for op in ifup ifdown ifquery ifreload; do ln -sf ifupdown2-scratch.py "$dest/bin/$op"; done
echo "ifupdown2 unpacked in $dest; run e.g.: IFUPDOWN2_SCRATCH=\$(mktemp -d) /usr/bin/python3 $dest/bin/ifquery -a -i FILE"
