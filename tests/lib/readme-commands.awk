# readme-commands.awk (tests/cli/readme.sh): the `tradeoff ...` command lines of README, one a
# line, in order: indented code lines ("    tradeoff ..." or "    $ tradeoff
# ...", a trailing backslash joining the next line, a "# comment" cut) and
# inline code spans of prose and tables (`tradeoff ...`, across line ends).
function flush_prose(   s, rest, span) {
    rest = prose
    while (match(rest, /`tradeoff [^`]*`/)) {
        span = substr(rest, RSTART + 1, RLENGTH - 2)
        print span
        rest = substr(rest, RSTART + RLENGTH)
    }
    prose = ""
}
/^    / {
    flush_prose()
    line = $0
    sub(/^    (\$ )?/, "", line)
    if (cont != "") { line = cont " " line; cont = "" }
    if (line ~ /\\$/) { sub(/ *\\$/, "", line); cont = line; next }
    if (line ~ /^tradeoff /) {
        sub(/ +#.*$/, "", line)
        print line
    }
    next
}
{ prose = prose " " $0 }
END { flush_prose() }
