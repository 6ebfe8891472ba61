# npm_tools.sh - sourced by the test scripts that check styr's output with
# tools from the npm registry (tests/schemas/check.sh, tests/sarif/check.sh).
# The tools are installed once, pinned, into build-npm/ (git-ignored); when
# they are there nothing touches the network. nodejs and npm come from
# apt-get when npm is missing (Debian 12; needs root).
# Needs: root (the repository root), prefix (build-npm/), die (reports and exits).

# ensure_node NAME: node and npm are there, or installed.
ensure_node() {
  command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 && return 0
  [ "$(id -u)" -eq 0 ] || die "npm is missing; install nodejs and npm (Debian: apt-get install nodejs npm) or run .ci/install-deps --test as root"
  echo "$1: installing nodejs and npm with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; } ||
    die "apt-get could not install nodejs and npm"
}

# version_of PACKAGE: its installed version in build-npm/, or nothing.
version_of() {
  node -e 'try { process.stdout.write(require(process.argv[1]).version) } catch (e) {}' \
    "$prefix/node_modules/$1/package.json" 2>/dev/null
}

# missing_specs NAME@VERSION...: the specs not installed at exactly that version.
missing_specs() {
  local spec
  for spec in "$@"; do
    [ "$(version_of "${spec%@*}")" = "${spec##*@}" ] || printf '%s\n' "$spec"
  done
}

# ensure_packages NAME NAME@VERSION...: installs what is missing, one npm
# at a time in build-npm/ (ctest -j may run several checks at once).
ensure_packages() {
  local who=$1
  shift
  [ -z "$(missing_specs "$@")" ] && return 0
  mkdir -p "$prefix" || die "cannot create $prefix"
  (
    flock 9
    mapfile -t need < <(missing_specs "$@")
    [ ${#need[@]} -eq 0 ] && exit 0
    echo "$who: installing ${need[*]} into build-npm/" >&2
    npm install --prefix "$prefix" --save-exact --no-audit --no-fund --loglevel=error "${need[@]}" >&2
  ) 9>"$prefix/.lock" || die "npm install into $prefix failed"
}
