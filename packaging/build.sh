#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what is missing, builds, then
#   demo   starts the console on its embedded demo host (drconsole --demo)
#   test   runs the whole test suite (warnings as errors), then builds the .deb and checks it installs and starts
#   bench  builds and runs the benchmarks in tests/bench (not part of `test`)
#   deb    builds the .deb only
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-demo}
jobs=$(nproc)

bash packaging/install-deps.sh

configure() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr "$@"
    cmake --build "$dir" -j "$jobs"
}

case $mode in
demo)
    configure build
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
        echo "No display: starting under Xvfb (screenshots: import -window root shot.png, DISPLAY shown below)"
        exec xvfb-run -a -s "-screen 0 1280x800x24" build/src/app/drconsole --demo
    fi
    exec build/src/app/drconsole --demo
    ;;
test)
    configure build-ci -DDRCONSOLE_WERROR=ON
    ctest --test-dir build-ci --output-on-failure -j 2 --timeout 900
    (cd build-ci && cpack -G DEB >/dev/null)
    deb=$(ls build-ci/drconsole_*.deb | head -n 1)
    echo "package: $deb"
    dpkg-deb --info "$deb" | grep -E "Package|Version|Depends"
    if [[ ${CI:-} == true || ${DRCONSOLE_INSTALL_DEB:-} == 1 ]]; then
        apt-get install -y -q --no-install-recommends "./$deb" >/dev/null
        drconsole-cli --version
        QT_QPA_PLATFORM=offscreen drconsole --version
        test -x /usr/share/drconsole/host/backup-system.sh
        echo "package installs and starts"
    fi
    ;;
bench)
    configure build-bench -DDRCONSOLE_BUILD_BENCH=ON
    # bench_verify first: it generates the 1 GiB file bench_split_inflate reads.
    for bench in build-bench/tests/bench/bench_* build-bench/tests/verify/bench_verify \
        build-bench/tests/verify/bench_split_inflate; do
        [[ -x $bench ]] || continue
        echo "== $bench"
        "$bench"
    done
    ;;
deb)
    configure build
    (cd build && cpack -G DEB)
    ;;
*)
    echo "usage: packaging/build.sh demo|test|bench|deb" >&2
    exit 2
    ;;
esac
