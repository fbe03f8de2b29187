# gen-scores.awk: writes the per-prompt score file of the chatbot-scores
# example (synthetic): one row per prompt with its set, a harm category and
# the refusal filter's score (the prompt is refused when score >= threshold).
#
#   awk -v rows=4000 -v seed=20240601 -f gen-scores.awk > chatbot-scores.csv
#
# A fixed-seed Lehmer generator (minstd) written out in integer arithmetic
# makes the output identical under every awk (mawk, gawk, busybox): awk's own
# rand() differs between implementations. Scores are sums of uniforms (close
# to normal): harmful prompts centred at 0.76, benign ones at 0.30, so the two
# distributions overlap and every threshold trades one rate for the other.
function next_uniform() {
    state = (state * 48271) % 2147483647
    return state / 2147483647
}
function bell(mean, sd,    s, i) {
    s = 0
    for (i = 0; i < 12; i++)
        s += next_uniform()
    return mean + (s - 6) * sd
}
function clip(x) { return x < 0 ? 0 : x > 1 ? 1 : x }
BEGIN {
    if (rows == "") rows = 4000
    if (seed == "") seed = 20240601
    state = seed % 2147483647
    split("weapons,self_harm,cybercrime,hate,fraud", cats, ",")
    print "id,set,category,score"
    nharm = int(rows * 0.4)
    for (i = 1; i <= rows; i++) {
        if (i <= nharm) {
            cat = cats[1 + int(next_uniform() * 5)]
            score = clip(bell(0.76, 0.08))
            set = "harmful"
        } else {
            cat = "benign"
            score = clip(bell(0.30, 0.11))
            set = "benign"
        }
        printf "p%05d,%s,%s,%.4f\n", i, set, cat, score
    }
}
