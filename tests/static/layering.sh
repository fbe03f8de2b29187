#!/bin/sh
# layering.sh: the source tree keeps its architecture (HACKING, "Layers").
#   1. Every include of our own headers names its folder ("core/point.h")
#      and the header exists.
#   2. A folder includes only from itself and the folders below it:
#        base < core < load < render < ui < term < cli < main.c
#   3. No include cycle between modules (a module is foo.c with foo.h; an
#      edge runs from a module to every module whose header it includes).
#   4. Curses is included in term/ only.
# With an argument, checks that tree instead of $TOP_SRCDIR/src (the test
# proves it fails on broken trees that way).
. "$TESTDIR/lib/tap.sh"
src=${1:-${TOP_SRCDIR:?}/src}
[ -d "$src" ] || tap_skip_all "no source tree at $src"

# One line per include: "FILE<TAB>KIND<TAB>WHAT", KIND "q" for "..." and
# "a" for <...>.
includes=$(cd "$src" && for f in main.c */*.c */*.h; do
    [ -f "$f" ] || continue
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/q\t\1/p; s/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/a\t\1/p' "$f" |
        sed "s|^|$f\t|"
done)

# 1 and 2: folders and order.
bad_order=$(printf '%s\n' "$includes" | awk -F'\t' -v src="$src" '
    BEGIN { n = split("base core load render ui term cli", L, " ")
            for (i = 1; i <= n; i++) rank[L[i]] = i; rank["main.c"] = n + 1 }
    $2 != "q" || $3 == "config.h" { next }
    {
        from = $1; sub(/\/.*/, "", from)
        to = $3; slash = index(to, "/")
        if (slash == 0) { print $1 ": #include \"" $3 "\" does not name its folder"; next }
        to = substr(to, 1, slash - 1)
        if (!(to in rank) || to == "main.c") { print $1 ": #include \"" $3 "\": no such layer"; next }
        if ((getline line < (src "/" $3)) < 0) { print $1 ": #include \"" $3 "\": no such header"; next }
        close(src "/" $3)
        if (rank[to] > rank[from]) print $1 ": " from "/ includes \"" $3 "\" from the layer above it"
    }')
if [ -z "$bad_order" ]; then
    tap_ok "every include names its folder, and no folder includes from a layer above it"
else
    tap_fail "every include names its folder, and no folder includes from a layer above it" "$bad_order"
fi

# 3: cycles between modules, by depth-first search.
cycles=$(printf '%s\n' "$includes" | awk -F'\t' '
    $2 != "q" || $3 == "config.h" { next }
    {
        from = $1; sub(/\.[ch]$/, "", from)
        to = $3; sub(/\.h$/, "", to)
        if (from == to || (from SUBSEP to) in seen) next
        seen[from, to] = 1
        adj[from] = adj[from] " " to; nodes[from] = 1; nodes[to] = 1
    }
    function visit(v,   k, m, i, w, path) {
        state[v] = 1; stack[++depth] = v
        m = split(adj[v], nb, " ")
        for (k = 1; k <= m; k++) {
            w = nb[k]
            if (w == "") continue
            if (state[w] == 1) {
                path = w
                for (i = depth; i >= 1 && stack[i] != w; i--) path = stack[i] " -> " path
                print w " -> " path
                found++
            } else if (state[w] == 0) {
                split(adj[v], nb, " ")   # awk arrays are global: refill after recursion
                visit(w)
                m = split(adj[v], nb, " ")
            }
        }
        depth--; state[v] = 2
    }
    END { for (v in nodes) if (state[v] == 0) visit(v) }')
if [ -z "$cycles" ]; then
    tap_ok "no include cycle between modules"
else
    tap_fail "no include cycle between modules" "$cycles"
fi

# 4: curses only in term/.
curses=$(printf '%s\n' "$includes" | awk -F'\t' '
    $2 == "a" && $3 ~ /^(n?curses|ncursesw\/|term\.h$|panel\.h$|menu\.h$|form\.h$)/ && $1 !~ /^term\// { print $1 ": <" $3 ">" }')
if [ -z "$curses" ]; then
    tap_ok "curses is included in term/ only"
else
    tap_fail "curses is included in term/ only" "$curses"
fi

# The checker itself: a tree with each kind of fault must fail (run on
# copies, only when checking the real tree).
if [ $# -eq 0 ]; then
    tmp=$(mktemp -d) || exit 1
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/up/base" "$tmp/up/core" "$tmp/cyc/core" "$tmp/cur/ui"
    printf '#include "core/point.h"\n' >"$tmp/up/base/x.c"; : >"$tmp/up/core/point.h"
    printf '#include "core/b.h"\n' >"$tmp/cyc/core/a.h"; printf '#include "core/a.h"\n' >"$tmp/cyc/core/b.c"
    : >"$tmp/cyc/core/b.h"
    printf '#include <curses.h>\n' >"$tmp/cur/ui/y.c"
    for t in up cyc cur; do
        if TOP_SRCDIR=/nonexistent sh "$0" "$tmp/$t" 2>/dev/null | grep -q '^not ok'; then
            tap_ok "the checker catches a broken tree ($t)"
        else
            tap_fail "the checker catches a broken tree ($t)" "no failure reported"
        fi
    done
fi
tap_done
