#!/bin/sh
# build.sh: builds the libFuzzer targets (tests/fuzz/fuzz_*.c) with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, outside the normal gcc
# build. Run through `make fuzz-build` (or `make fuzz`) in a configured build
# directory, which sets:
#   FUZZ_SRCDIR    the source tree          FUZZ_BUILDDIR  where config.h is
#   FUZZ_OUT       where binaries go        FUZZ_SOURCES   the core library's sources
#   FUZZ_LIBS      libraries (-lcsv -lm)    FUZZ_CC        compiler (default clang)
#   FUZZ_TARGETS   targets to build (default: every tests/fuzz/fuzz_*.c)
# Debian: apt-get install clang libclang-rt-14-dev
set -eu
: "${FUZZ_SRCDIR:?}" "${FUZZ_BUILDDIR:?}" "${FUZZ_OUT:?}" "${FUZZ_SOURCES:?}"
CC=${FUZZ_CC:-clang}
LIBS=${FUZZ_LIBS:--lcsv -lm}
fuzzdir=$FUZZ_SRCDIR/tests/fuzz

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "fuzz: $CC not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
fi

targets=${FUZZ_TARGETS:-}
if [ -z "$targets" ]; then
    for f in "$fuzzdir"/fuzz_*.c; do
        t=$(basename "$f" .c); t=${t#fuzz_}
        [ "$t" = common ] || targets="$targets $t"
    done
fi

# Every check aborts, but float-cast-overflow: it reports and goes on, so
# that ubsan.supp can hold known bugs back (run.sh makes every report not
# suppressed fatal with halt_on_error=1).
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize-recover=float-cast-overflow -fno-omit-frame-pointer"
CFLAGS="-g -O1 -std=gnu11 $SAN -I$FUZZ_BUILDDIR -I$FUZZ_SRCDIR/src -I$fuzzdir"
mkdir -p "$FUZZ_OUT/obj"

# Core objects: rebuilt when the source or any header is newer.
newest_header=$(ls -t "$FUZZ_SRCDIR"/src/*/*.h "$fuzzdir"/*.h "$FUZZ_BUILDDIR/config.h" | head -n 1)
objs=""
for src in $FUZZ_SOURCES; do
    case $src in *.c) objs="$objs $FUZZ_OUT/obj/$(basename "$src" .c).o" ;; esac
done
for src in $FUZZ_SOURCES; do
    case $src in *.c) ;; *) continue ;; esac
    obj=$FUZZ_OUT/obj/$(basename "$src" .c).o
    if [ ! -f "$obj" ] || [ "$FUZZ_SRCDIR/$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
        printf '%s\n' "$FUZZ_SRCDIR/$src $obj"
    fi
done | while read -r src obj; do
    echo "  CC(fuzz) $(basename "$src")" >&2
    # shellcheck disable=SC2086
    $CC $CFLAGS -fsanitize=fuzzer-no-link -c "$src" -o "$obj" || { rm -f "$obj"; exit 1; }
done

for t in $targets; do
    echo "  LD(fuzz) fuzz-$t" >&2
    # shellcheck disable=SC2086
    $CC $CFLAGS -fsanitize=fuzzer "$fuzzdir/fuzz_$t.c" "$fuzzdir/fuzz_common.c" $objs $LIBS \
        -o "$FUZZ_OUT/fuzz-$t"
done
echo "$targets" >"$FUZZ_OUT/targets"
