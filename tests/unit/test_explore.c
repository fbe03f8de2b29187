/* check_explore: the explorer's state, keys, layout and scenario files,
 * without a terminal. */
#include "config.h"

#include "unit.h"
#include "ui/explore.h"
#include "ui/keyscript.h"
#include "ui/scenario_file.h"
#include "core/builtin.h"
#include "base/num.h"
#include "core/stats.h"
#include "load/load.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static explore_t ex;
static explore_layout_t lay; /* kept between frames, as a front end keeps it */

static void setup(void)
{
    pointset_t set = POINTSET_INIT;
    builtin_load(&set);
    scenario_t s = model_default_scenario();
    explore_init(&ex, &set, strdup("built-in scenario"), NULL, 0, &s, NULL);
    ex.ascii = true;
    lay = (explore_layout_t)EXPLORE_LAYOUT_INIT;
}

static void teardown(void)
{
    explore_layout_free(&lay);
    explore_free(&ex);
}

/* The screen at width x height as text. */
static char *screen(int w, int h)
{
    uigrid_t g = UIGRID_INIT;
    uigrid_resize(&g, w, h);
    explore_render(&ex, &g, &lay);
    sb_t out = SB_INIT;
    uigrid_to_text(&g, &out);
    uigrid_free(&g);
    return sb_detach(&out);
}

static void keys(const char *script)
{
    sb_t dumps = SB_INIT, err = SB_INIT;
    screen_t scr = explore_screen(&ex, &lay);
    ck_assert_msg(keyscript_run(&scr, script, 100, 30, &dumps, &err), "%s", sb_str(&err));
    sb_free(&dumps);
    sb_free(&err);
}

static bool shows(const char *needle)
{
    char *s = screen(100, 30);
    bool found = strstr(s, needle) != NULL;
    if (!found)
        fprintf(stderr, "--- looked for '%s' in:\n%s", needle, s);
    free(s);
    return found;
}

START_TEST(no_key_is_bound_twice)
{
    size_t n = explore_bindings()->len;
    const binding_t *b = explore_bindings()->rows;
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < BINDING_MAX_KEYS && b[i].keys[k]; k++)
            for (size_t j = 0; j < n; j++)
                for (int l = 0; l < BINDING_MAX_KEYS && b[j].keys[l]; l++)
                    if (i != j || k != l)
                        ck_assert_msg(b[i].keys[k] != b[j].keys[l], "key %d bound to both %s and %s",
                                      b[i].keys[k], b[i].name, b[j].name);
}
END_TEST

START_TEST(every_action_has_a_key_and_a_description)
{
    size_t n = explore_bindings()->len;
    const binding_t *b = explore_bindings()->rows;
    bool seen[EXA_COUNT] = {false};
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_ne(b[i].keys[0], 0);
        ck_assert(strlen(b[i].description) > 8);
        ck_assert(!seen[b[i].action]);
        seen[b[i].action] = true;
    }
    for (int a = EXA_NONE + 1; a < EXA_COUNT; a++)
        ck_assert_msg(seen[a], "action %d has no binding", a);
}
END_TEST

START_TEST(help_and_man_come_from_the_table)
{
    sb_t text = SB_INIT, man = SB_INIT, md = SB_INIT;
    bindings_render(&text, explore_bindings(), BINDINGS_TEXT);
    bindings_render(&man, explore_bindings(), BINDINGS_MAN);
    bindings_render(&md, explore_bindings(), BINDINGS_MARKDOWN);
    size_t n = explore_bindings()->len;
    const binding_t *b = explore_bindings()->rows;
    for (size_t i = 0; i < n; i++) {
        ck_assert(strstr(sb_str(&text), b[i].description));
        ck_assert(strstr(sb_str(&man), b[i].description));
        ck_assert(strstr(sb_str(&md), b[i].description));
    }
    ck_assert(strstr(sb_str(&man), ".TP\n.B Left, h\n"));
    ck_assert(strstr(sb_str(&md), "| `q` | quit"));
    sb_free(&text);
    sb_free(&man);
    sb_free(&md);
}
END_TEST

START_TEST(key_names_read_back)
{
    char buf[24];
    for (int k = EK_SPECIAL; k < EK_LAST; k++)
        ck_assert_int_eq(keys_parse(keys_name(k, buf, sizeof buf)), k);
    ck_assert_int_eq(keys_parse("Tab"), EK_TAB);
    ck_assert_int_eq(keys_parse("C-u"), EK_CTRL_U);
    ck_assert_int_eq(keys_parse("q"), 'q');
    ck_assert_int_eq(keys_parse("lt"), '<');
    ck_assert_int_eq(keys_parse("Nonsense"), -1);
}
END_TEST

/* The keys a front end may apply in a run and draw once (screen.h:
 * `moves`): the list and the sliders move; typing a value does not, nor
 * do keys that change what is shown. A run of j ends where j after j
 * would. */
START_TEST(motion_keys_are_the_ones_that_only_move)
{
    ck_assert(explore_key_moves(&ex, 'j'));
    ck_assert(explore_key_moves(&ex, EK_UP));
    ck_assert(explore_key_moves(&ex, EK_RIGHT));
    ck_assert(explore_key_moves(&ex, 'L'));
    ck_assert(!explore_key_moves(&ex, 'b'));
    ck_assert(!explore_key_moves(&ex, 'q'));
    ck_assert(!explore_key_moves(&ex, EK_TAB));
    keys("=");
    ck_assert(!explore_key_moves(&ex, 'j')); /* typed into the value */
    keys("<Esc> ?");
    ck_assert(explore_key_moves(&ex, 'j')); /* scrolls the help */
    ck_assert(!explore_key_moves(&ex, 'x'));
}
END_TEST

START_TEST(safety_tuned_refuses_799200_a_day)
{
    sb_t why = SB_INIT;
    ck_assert(explore_select(&ex, "safety-tuned", &why));
    ck_assert(shows("799,200"));
    ck_assert(shows("fail: ORR 8.00% is not < 5.00%"));
    sb_free(&why);
}
END_TEST

START_TEST(volume_steps_scale_the_counts)
{
    keys("j <Tab> L"); /* safety-tuned, volume x10 */
    ck_assert(fabs(ex.scenario.volume - 1e8) < 1);
    ck_assert(shows("7,992,000"));
    keys("H h"); /* back to 10M, then one 1-2-5 step down */
    ck_assert(fabs(ex.scenario.volume - 5e6) < 1);
    ck_assert(shows("399,600"));
}
END_TEST

START_TEST(volume_stays_in_its_range)
{
    keys("<Tab> LLLLLLLLLL");
    ck_assert(fabs(ex.scenario.volume - 1e10) < 1);
    keys("HHHHHHHHHHHHH");
    ck_assert(fabs(ex.scenario.volume - 1e3) < 1e-6);
}
END_TEST

START_TEST(exact_entry_validates)
{
    keys("<Tab> = <BS><BS><BS><BS><BS><BS><BS><BS><BS><BS> abc <Enter>");
    ck_assert_int_eq(ex.mode, EX_MODE_INPUT); /* still typing, with a message */
    ck_assert(ex.message_is_error);
    ck_assert(strstr(ex.message, "daily queries 'abc'"));
    keys("<BS><BS><BS> 2.5M <Enter>");
    ck_assert_int_eq(ex.mode, EX_MODE_NORMAL);
    ck_assert(fabs(ex.scenario.volume - 2.5e6) < 1e-6);
    /* the error about 'abc' is stale once a value is accepted */
    ck_assert_msg(!ex.message_is_error && !strstr(ex.message, "abc"), "%s", ex.message);
}
END_TEST

START_TEST(baseline_gives_the_sentence)
{
    keys("b j");
    ck_assert(ex.has_baseline);
    ck_assert(shows("Moving from baseline to safety-tuned: 90 fewer harmful outputs and 599,400"));
    ck_assert(shows("6,660"));
}
END_TEST

START_TEST(threshold_between_points_is_a_labelled_mix)
{
    keys("l"); /* 10% of the way from baseline to safety-tuned */
    frontier_op_t op = explore_current(&ex);
    ck_assert(op.valid && op.is_mix);
    ck_assert(fabs(op.lambda - 0.9) < 1e-9);
    ck_assert(fabs(op.orr - (0.9 * 0.02 + 0.1 * 0.08)) < 1e-12);
    ck_assert(shows("mix 90/10"));
    ck_assert(shows("a mix, not a measurement"));
    keys("L");
    op = explore_current(&ex);
    ck_assert(!op.is_mix);
    ck_assert_str_eq(ex.set.items[op.a].name, "safety-tuned");
}
END_TEST

START_TEST(series_keys_and_find)
{
    keys(">");
    ck_assert_str_eq(ex.series[ex.place.series].name, "filter threshold");
    keys("<lt> <lt>");
    ck_assert_str_eq(ex.series[ex.place.series].name, "product vs safety");
    keys("/ variant-B <Enter>");
    ck_assert_str_eq(ex.set.items[explore_selected(&ex)].name, "variant-B");
    keys("/ zzz <Enter>");
    ck_assert(ex.message_is_error);
    keys("<Esc>");
    ck_assert_int_eq(ex.mode, EX_MODE_NORMAL);
}
END_TEST

START_TEST(cost_optimal_needs_costs)
{
    keys("o");
    ck_assert(ex.message_is_error);
    ex.scenario.cost_refusal = 1;
    ex.scenario.cost_harm = 1e6; /* harm dominates: the safest point wins */
    policy_find("none", &ex.scenario.policy);
    keys("o");
    ck_assert_str_eq(ex.set.items[explore_selected(&ex)].name, "safety-tuned");
    /* Under the consumer policy safety-tuned fails ORR < 5%, and the hull
     * meets that bound at status-quo, which fails it by its equality: the
     * optimum is not attained, and o moves to the cheapest that passes,
     * never to a mix that restates status-quo. */
    policy_find("consumer", &ex.scenario.policy);
    keys("o");
    ck_assert_msg(strstr(ex.message, "cost-optimal within the consumer policy: not attained: measured point "
                                     "status-quo fails ORR < 5.00% by its equality"),
                  "%s", ex.message);
    ck_assert_str_eq(ex.set.items[explore_selected(&ex)].name, "filter-before");
    ck_assert(!explore_current(&ex).is_mix);
    /* With the ORR bound a hair below 5% the hull meets it inside the edge
     * from filter-before to status-quo: the optimum is that mix. The
     * operating point moves to it (its points are in two series: held
     * whole), and the message names it once ("mix: route ...", never "mix:
     * mix:"). */
    ex.scenario.policy.orr.max = 0.0499999;
    keys("o");
    ck_assert_msg(strstr(ex.message, "cost-optimal within the consumer policy: mix: route"), "%s", ex.message);
    ck_assert_msg(!strstr(ex.message, "mix: mix:"), "%s", ex.message);
    ck_assert_str_ne(ex.set.items[explore_selected(&ex)].name, "safety-tuned");
    optimal_t o = optimal_find(&ex.groups.items[ex.group].frontier, &ex.set, &ex.scenario);
    frontier_op_t cur = explore_current(&ex);
    ck_assert(cur.is_mix && cur.a == o.op.a && cur.b == o.op.b && fabs(cur.lambda - o.op.lambda) < 1e-12);
    /* the threshold control shows the mix, its small share to the digit
     * that keeps it off 0 (never "mix 100/0") */
    ck_assert(!shows("100/0") && shows("/0.0"));
    /* a step along the series leaves the held mix for a measured point */
    keys("<Right>");
    ck_assert(!explore_current(&ex).is_mix || !ex.place.at_op);
}
END_TEST

/* A long status message wraps instead of being cut: the optimum's message
 * with its interval and runner-up shows to its last word on an 80-column
 * screen. */
START_TEST(optimum_message_is_never_cut)
{
    ex.scenario.cost_refusal = 1;
    ex.scenario.cost_harm = 1e6;
    keys("o");
    size_t n = strlen(ex.message);
    ck_assert_msg(n > 80, "%s", ex.message);
    const char *last = strrchr(ex.message, ' ') + 1;
    char *s = screen(80, 24);
    ck_assert_msg(strstr(s, last), "no '%s' in\n%s", last, s);
    free(s);
}
END_TEST

/* A series whose hull skips a point (t=2, ASR 0.3% and ORR 4.5%, lies above
 * the segment from t=1 to t=3): the policy bound ORR < 5% cuts that
 * segment, so the optimum mixes t=1 and t=3, which are not neighbours on
 * the slider. `o` moves there: the operating point is exactly that mix, the
 * slider between them. With t=2 on the hull instead (ORR 3%), the optimum
 * mixes t=2 and t=3, neighbours: a plain position. */
static void series_set(pointset_t *set, double middle_orr)
{
    static const double asr[] = {0.004, 0.003, 0.0}, orr[] = {0.02, 0.0, 0.08};
    for (int i = 0; i < 3; i++) {
        char name[8];
        snprintf(name, sizeof name, "t=%d", i + 1);
        point_t p = point_make(name);
        p.series = strdup("filter");
        p.knob = i + 1;
        p.asr = asr[i];
        p.orr = i == 1 ? middle_orr : orr[i];
        pointset_add(set, p);
    }
}

START_TEST(optimum_mix_moves_the_slider)
{
    for (int hull = 0; hull < 2; hull++) {
        pointset_t set = POINTSET_INIT;
        series_set(&set, hull ? 0.03 : 0.045);
        scenario_t s = model_default_scenario();
        s.cost_refusal = 1;
        s.cost_harm = 1e6;
        explore_t e;
        explore_init(&e, &set, strdup("series"), NULL, 0, &s, NULL);
        explore_do(&e, EXA_OPTIMAL);
        optimal_t o = optimal_find(&e.groups.items[e.group].frontier, &e.set, &e.scenario);
        ck_assert(o.found && o.op.is_mix);
        frontier_op_t cur = explore_current(&e);
        ck_assert_msg(cur.is_mix && fabs(cur.asr - o.op.asr) < 1e-12 && fabs(cur.orr - o.op.orr) < 1e-12,
                      "hull %d: at ASR %g ORR %g, optimum ASR %g ORR %g", hull, cur.asr, cur.orr, o.op.asr, o.op.orr);
        ck_assert(e.place.at_op == !hull);
        ck_assert(e.place.pos > (hull ? 1 : 0) && e.place.pos < 2);
        explore_free(&e);
    }
}
END_TEST

START_TEST(policy_bounds_are_editable)
{
    keys("<S-Tab><S-Tab><S-Tab> = <BS><BS><BS><BS><BS><BS> <lt>= 2% <Enter>"); /* ASR bound (past the list) */
    ck_assert_str_eq(ex.scenario.policy.key, "custom");
    ck_assert(ex.scenario.policy.asr.inclusive);
    ck_assert(fabs(ex.scenario.policy.asr.max - 0.02) < 1e-12);
    keys("<S-Tab> l"); /* policy preset: from custom to the first preset */
    ck_assert_str_eq(ex.scenario.policy.key, "consumer");
    keys("l");
    ck_assert_str_eq(ex.scenario.policy.key, "enterprise");
}
END_TEST

START_TEST(too_small_screen_says_so)
{
    char *s = screen(30, 8);
    ck_assert(strstr(s, "too small"));
    ck_assert(strstr(s, "need"));
    free(s);
    s = screen(80, 24);
    ck_assert(strstr(s, "Controls"));
    free(s);
}
END_TEST

START_TEST(help_lists_every_action)
{
    keys("?");
    char *s = screen(100, 40);
    ck_assert(strstr(s, "pin the current operating point as the baseline"));
    free(s);
    keys("x");
    ck_assert_int_eq(ex.mode, EX_MODE_NORMAL);
}
END_TEST

START_TEST(unknown_key_gets_a_hint)
{
    keys("Z");
    ck_assert(ex.message_is_error);
    ck_assert(strstr(ex.message, "press ? for help"));
}
END_TEST

START_TEST(sort_orders_the_list)
{
    keys("S S"); /* name, then ASR */
    ck_assert_int_eq(ex.sort, EX_SORT_ASR);
    ck_assert_str_eq(ex.set.items[ex.order[0]].name, "safety-tuned");
    for (size_t i = 1; i < ex.set.len; i++)
        ck_assert(ex.set.items[ex.order[i - 1]].asr <= ex.set.items[ex.order[i]].asr);
}
END_TEST

START_TEST(script_errors_name_the_column)
{
    sb_t dumps = SB_INIT, err = SB_INIT;
    screen_t scr = explore_screen(&ex, &lay);
    ck_assert(!keyscript_run(&scr, "j <Bogus>", 100, 30, &dumps, &err));
    ck_assert(strstr(sb_str(&err), "TRADEOFF_KEYS:3: unknown key <Bogus>"));
    sb_free(&dumps);
    sb_free(&err);
}
END_TEST

/* A directory of the test case's own for the files its tests write,
 * made and removed by an unchecked fixture: that runs in the parent
 * process, so the files go even when a test fails (and exits) between
 * writing one and removing it. */
static char scratch[] = "/tmp/check_explore_XXXXXX";

static void scratch_make(void) { ck_assert_ptr_nonnull(mkdtemp(scratch)); }

static void scratch_remove(void)
{
    char cmd[sizeof scratch + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "check_explore: cannot remove %s\n", scratch);
}

START_TEST(scenario_file_round_trip)
{
    keys("j b <Tab> L <Tab> l > <S-Tab><S-Tab> l");
    char path[sizeof scratch + 16];
    snprintf(path, sizeof path, "%s/scenario.txt", scratch);
    keys("s");
    lineedit_set(&ex.line, path); /* our path instead of the default name */
    keys("<Enter>");
    ck_assert_msg(!ex.message_is_error, "%s", ex.message);

    scenario_file_t sf;
    scenario_file_init(&sf);
    diag_t d = DIAG_INIT;
    ck_assert_msg(scenario_file_read(path, &sf, &d) == 0, "%s", d.error);
    ck_assert(fabs(sf.scenario.volume - ex.scenario.volume) < 1e-6);
    ck_assert(fabs(sf.scenario.adv_share - ex.scenario.adv_share) < 1e-15);
    /* points by name: the operating point a mix 90/10 along the filter
     * threshold series, the baseline the second point of safety tuning */
    ck_assert_int_eq(sf.version, 3);
    ck_assert(sf.has_interval); /* the explorer's, saved whatever it is */
    ck_assert_str_eq(sf.point.name, "filter-before");
    ck_assert_str_eq(sf.point.mix, "filter-after");
    ck_assert(fabs(sf.point.share - 0.9) < 1e-12);
    ck_assert_str_eq(sf.baseline.name, "safety-tuned");
    ck_assert_ptr_null(sf.baseline.mix);
    ck_assert_ptr_null(sf.series);
    ck_assert_int_eq(sf.nfiles, 0);
    scenario_file_free(&sf);
    diag_free(&d);
}
END_TEST

START_TEST(scenario_file_errors_name_line_and_column)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"tradeoff-scenario = 1\nvolume = lots\n", "s.txt:2:10: volume 'lots'"},
        {"tradeoff-scenario = 1\n  colour = red\n", "s.txt:2:3: unknown key 'colour'"},
        {"tradeoff-scenario = 1\nvolume = 1000\nvolume = 2000\n", "s.txt:3:1: 'volume' is given twice"},
        {"tradeoff-scenario = 1\njust words\n", "s.txt:2:1: expected 'key = value'"},
        {"volume = 1000\n", "s.txt:1:1: not a tradeoff scenario"},
        {"tradeoff-scenario = 4\n", "s.txt:1:21: version '4' is not supported"},
        {"tradeoff-scenario = 3\npreset = xs\n", "s.txt:2:10: preset 'xs': expected xstest or jailbreakbench"},
        {"tradeoff-scenario = 3\nrates = per cent\n", "s.txt:2:9: rates 'per cent': expected percent, fraction"},
        {"tradeoff-scenario = 3\nn-benign = 0\n", "s.txt:2:12: n-benign '0': expected a whole number of prompts"},
        {"tradeoff-scenario = 3\nwhere = notes\n", "s.txt:2:9: where 'notes': expected"},
        {"tradeoff-scenario = 3\nid-column = \" \"\n", "s.txt:2:13: id-column ' ': expected the name of a column"},
        {"tradeoff-scenario = 3\ninterval = bayes\n", "s.txt:2:12: interval 'bayes': expected wilson or"},
        {"tradeoff-scenario = 3\njudge = a\n judge = b\n", "s.txt:3:2: 'judge' is given twice"},
        {"tradeoff-scenario = 3\ninterval = wilson\ninterval = wilson\n", "s.txt:3:1: 'interval' is given twice"},
        {"tradeoff-scenario = 2\nsha256 = 00\n", "s.txt:2:10: '00': expected a sha256 line right after"},
        {"tradeoff-scenario = 2\nfile = a.csv\nsha256 = 00\n", "s.txt:3:10: '00': expected a SHA-256 of 64"},
        {"tradeoff-scenario = 2\npoint-share = most\n", "s.txt:2:15: point-share 'most'"},
        {"tradeoff-scenario = 1\nasr-bound = below\n", "s.txt:2:13:"},
        {"tradeoff-scenario = 1\nposition = -1\n", "s.txt:2:12:"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scenario_file_t sf;
        scenario_file_init(&sf);
        diag_t d = DIAG_INIT;
        ck_assert_int_eq(scenario_file_parse("s.txt", NULL, cases[i].text, strlen(cases[i].text), &sf, &d), -1);
        ck_assert_msg(strstr(d.error, cases[i].want), "case %zu: got %s", i, d.error);
        diag_free(&d);
        scenario_file_free(&sf);
    }
}
END_TEST

/* Version 3 keeps how the files were read: every reading option, read
 * back as given and written again the same; "where" in its order. */
START_TEST(scenario_file_keeps_the_reading)
{
    const char *text = "tradeoff-scenario = 3\n"
                       "file = \"/d/x.csv\"\n"
                       "input = \"judged\"\n"
                       "knob-column = \"t\"\n"
                       "group-columns = \"a,b\"\n"
                       "preset = \"xstest\"\n"
                       "judge = \"gpt4_label\"\n"
                       "set-column = \"s\"\n"
                       "harmful-values = \"h\"\n"
                       "benign-values = \"b\"\n"
                       "verdict-column = \"v\"\n"
                       "refused-values = \"r\"\n"
                       "complied-values = \"c\"\n"
                       "unrecognised = \"refusal\"\n"
                       "id-column = \"id\"\n"
                       "n-adversarial = \"520\"\n"
                       "n-benign = \"250\"\n"
                       "asr-column = \" asr \"\n"
                       "orr-column = \"orr\"\n"
                       "complement = \"both\"\n"
                       "rates = \"fraction\"\n"
                       "name-columns = \"m,v\"\n"
                       "category-column = \"cat\"\n"
                       "where = \"notes!~RELATIVE\"\n"
                       "where = \"model=a\"\n"
                       "interval = clopper-pearson\n";
    scenario_file_t sf;
    scenario_file_init(&sf);
    diag_t d = DIAG_INIT;
    ck_assert_msg(scenario_file_parse("s.txt", NULL, text, strlen(text), &sf, &d) == 0, "%s", d.error);
    ck_assert_int_eq(sf.input.kind, INPUT_JUDGED);
    ck_assert_str_eq(sf.input.preset, "xstest");
    ck_assert_str_eq(sf.input.asr_column, " asr "); /* quoted: byte for byte */
    ck_assert_int_eq(sf.input.complement, INPUT_COMPLEMENT_ASR | INPUT_COMPLEMENT_ORR);
    ck_assert_int_eq(sf.input.rates, INPUT_RATES_FRACTION);
    ck_assert_int_eq(sf.input.unrecognised, POINT_UNREC_REFUSAL);
    ck_assert_int_eq(sf.input.n_adversarial, 520);
    ck_assert_int_eq(sf.input.nwhere, 2);
    ck_assert_str_eq(sf.input.where[1], "model=a");
    ck_assert_int_eq(sf.interval, STATS_CLOPPER_PEARSON);
    ck_assert_int_eq(scenario_file_option_line(&sf, "where"), 24);
    ck_assert_int_eq(scenario_file_option_line(&sf, "interval"), 26);
    ck_assert_int_eq(scenario_file_option_line(&sf, "judge"), 7);
    sb_t out = SB_INIT;
    scenario_file_format(&out, &sf);
    /* every option line, in the order read (the order of inputopts.h) */
    const char *from = strstr(text, "input =");
    const char *lines = strstr(sb_str(&out), "input =");
    ck_assert_ptr_nonnull(lines);
    ck_assert_msg(strncmp(lines, from, strlen(from)) == 0, "%s", sb_str(&out));
    sb_free(&out);
    scenario_file_free(&sf);
    diag_free(&d);
}
END_TEST

/* An older scenario opens with its old meaning: version 2 recorded
 * --group-columns alone, and nothing else is taken as set. */
START_TEST(scenario_file_version_2_opens)
{
    const char *text = "tradeoff-scenario = 2\nfile = \"/d/x.csv\"\ngroup-columns = \"benchmark\"\n"
                       "volume = 1000\n";
    scenario_file_t sf;
    scenario_file_init(&sf);
    diag_t d = DIAG_INIT;
    ck_assert_msg(scenario_file_parse("s.txt", NULL, text, strlen(text), &sf, &d) == 0, "%s", d.error);
    ck_assert_int_eq(sf.version, 2);
    ck_assert_str_eq(sf.input.group_columns, "benchmark");
    ck_assert_int_eq(scenario_file_option_line(&sf, "group-columns"), 3);
    ck_assert_ptr_null(sf.input.preset);
    ck_assert(!sf.has_interval);
    sb_t out = SB_INIT;
    scenario_file_format(&out, &sf);
    ck_assert_ptr_nonnull(strstr(sb_str(&out), "tradeoff-scenario = 2\n"));
    ck_assert_ptr_null(strstr(sb_str(&out), "interval"));
    sb_free(&out);
    scenario_file_free(&sf);
    diag_free(&d);
}
END_TEST

START_TEST(scenario_file_bounds_and_paths)
{
    const char *text = "# comment\n\ntradeoff-scenario = 1\nfile = pts.csv\nfile = /abs.csv\n"
                       "policy = consumer\nasr-bound = <= 2%\norr-bound = none\n";
    scenario_file_t sf;
    scenario_file_init(&sf);
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(scenario_file_parse("s.txt", "/data", text, strlen(text), &sf, &d), 0);
    ck_assert_int_eq(sf.nfiles, 2);
    ck_assert_str_eq(sf.files[0], "/data/pts.csv");
    ck_assert_str_eq(sf.files[1], "/abs.csv");
    ck_assert_str_eq(sf.scenario.policy.key, "custom");
    ck_assert(sf.scenario.policy.asr.inclusive);
    ck_assert(isinf(sf.scenario.policy.orr.max));
    sb_t out = SB_INIT;
    scenario_file_format(&out, &sf);
    ck_assert(strstr(sb_str(&out), "asr-bound = <= 2%\n"));
    ck_assert(strstr(sb_str(&out), "orr-bound = none\n"));
    sb_free(&out);
    diag_free(&d);
    scenario_file_free(&sf);
}
END_TEST

/* Issue 19: paths were saved sanitised, so a file with blanks at either
 * end, an escape character or a newline did not reopen; quoted, every byte
 * reads back. */
START_TEST(scenario_file_paths_round_trip_any_byte)
{
    static const char *const paths[] = {" lead.csv", "trail.csv ", "esc\x1b[31mred.csv", "new\nline.csv",
                                        "back\\slash \"quoted\".csv", "bad\xff\xc0utf8.csv", "tab\t.csv",
                                        "bidi\xe2\x80\xae.csv", "caf\xc3\xa9 = #1.csv", "\"", "\\x41"};
    size_t n = sizeof paths / sizeof paths[0];
    scenario_file_t sf;
    scenario_file_init(&sf);
    sf.nfiles = (int)n;
    sf.files = calloc(n, sizeof *sf.files);
    for (size_t i = 0; i < n; i++)
        sf.files[i] = strdup(paths[i]);
    sf.series = strdup(" spaced series ");
    sf.position = 1;
    sb_t out = SB_INIT;
    scenario_file_format(&out, &sf);
    for (const unsigned char *p = (const unsigned char *)sb_str(&out); *p; p++)
        ck_assert_msg(*p == '\n' || (*p >= 0x20 && *p != 0x7f), "a control byte 0x%02x in the saved text", *p);
    scenario_file_t back;
    scenario_file_init(&back);
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(scenario_file_parse("s.txt", NULL, sb_str(&out), out.len, &back, &d), 0);
    ck_assert_int_eq(back.nfiles, (int)n);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(back.files[i], paths[i]);
    ck_assert_str_eq(back.series, " spaced series ");
    diag_free(&d);
    scenario_file_free(&back);
    sb_free(&out);
    scenario_file_free(&sf);
}
END_TEST

/* A NUL byte once cut its line silently ("volume = 5\0 junk" read as
 * "volume = 5"), and a line starting with one was skipped. */
START_TEST(scenario_file_refuses_nul_naming_its_line)
{
    static const struct {
        const char *text;
        size_t len;
        const char *want;
    } cases[] = {
#define TEXT(s) s, sizeof s - 1
        {TEXT("tradeoff-scenario = 1\nvolume = 5\0 junk\n"), "s.txt:2:11: a NUL byte: expected text"},
        {TEXT("tradeoff-scenario = 1\n\0volume = 5\n"), "s.txt:2:1: a NUL byte: expected text"},
        {TEXT("tradeoff-scenario = 1\nfile = \"a\\x00b\"\n"), "s.txt:2:10: \\x00: a NUL byte cannot be"},
        {TEXT("tradeoff-scenario = 1\nfile = \"ab\n"), "s.txt:2:8: a quoted value that is never closed"},
        {TEXT("tradeoff-scenario = 1\nfile = \"a\\qb\"\n"), "s.txt:2:10: an unknown escape"},
        {TEXT("tradeoff-scenario = 1\nfile = \"ab\" x\n"), "s.txt:2:12: ' x': expected nothing after"},
#undef TEXT
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scenario_file_t sf;
        scenario_file_init(&sf);
        diag_t d = DIAG_INIT;
        ck_assert_int_eq(scenario_file_parse("s.txt", NULL, cases[i].text, cases[i].len, &sf, &d), -1);
        ck_assert_msg(strstr(d.error, cases[i].want), "case %zu: got %s", i, d.error);
        diag_free(&d);
        scenario_file_free(&sf);
    }
}
END_TEST

/* Saving says so when the scenario would not reopen as it is: a relative
 * path (a file realpath could not resolve) read from another directory. */
START_TEST(scenario_save_text_checks_it_reads_back)
{
    scenario_file_t sf;
    scenario_file_init(&sf);
    sf.nfiles = 1;
    sf.files = calloc(1, sizeof *sf.files);
    sf.files[0] = strdup("gone.csv");
    sb_t out = SB_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(scenario_file_save_text("elsewhere/s.txt", &sf, &out, &d), -1);
    ck_assert_ptr_nonnull(strstr(d.error, "elsewhere/s.txt: not saved: the data file 'gone.csv' would be read"));
    diag_free(&d);
    sb_free(&out);
    ck_assert_int_eq(scenario_file_save_text("s.txt", &sf, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(sb_str(&out), "file = \"gone.csv\"\n"));
    free(sf.files[0]);
    sf.files[0] = strdup("/abs/data.csv");
    sb_free(&out);
    ck_assert_int_eq(scenario_file_save_text("elsewhere/s.txt", &sf, &out, &d), 0);
    diag_free(&d);
    sb_free(&out);
    scenario_file_free(&sf);
}
END_TEST

START_TEST(markdown_export_has_state_and_report)
{
    keys("b j");
    sb_t md = SB_INIT;
    explore_markdown(&ex, &md);
    ck_assert(strstr(sb_str(&md), "# Explorer: trade-off at safety-tuned"));
    ck_assert(strstr(sb_str(&md), "799,200"));
    ck_assert(strstr(sb_str(&md), "> Moving from baseline to safety-tuned"));
    sb_free(&md);
}
END_TEST

/* A rate a rounding away from a strict bound (997 of 200,000 is 0.4985%,
 * against ASR < 0.50%): the export shows the digits that put it on its
 * side, as the report does, never "0.50%" above "pass". */
START_TEST(markdown_export_shows_a_rate_beside_its_bound)
{
    pointset_t set = POINTSET_INIT;
    point_t p = point_make("near");
    p.n_adversarial = 200000;
    p.attack_successes = 997;
    p.asr = 997.0 / 200000;
    p.n_benign = 10000;
    p.benign_refused = 100;
    p.orr = 0.01;
    pointset_add(&set, p);
    scenario_t s = model_default_scenario();
    explore_t e;
    explore_init(&e, &set, strdup("near"), NULL, 0, &s, NULL);
    sb_t md = SB_INIT;
    explore_markdown(&e, &md);
    ck_assert_msg(strstr(sb_str(&md), "ASR 0.498%, ORR 1.00%.") != NULL, "%s", sb_str(&md));
    ck_assert_msg(strstr(sb_str(&md), "Policy (consumer): pass.") != NULL, "%s", sb_str(&md));
    sb_free(&md);
    explore_free(&e);
}
END_TEST

START_TEST(ascii_screen_is_ascii)
{
    keys("b j l");
    char *s = screen(100, 30);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        ck_assert_msg(*p < 0x80, "non-ASCII byte at offset %ld", (long)(p - (const unsigned char *)s));
    free(s);
}
END_TEST

START_TEST(click_on_a_list_row_selects_it)
{
    char *s = screen(100, 30);
    free(s);
    ck_assert(lay.list_rows > 3);
    ck_assert(explore_click(&ex, &lay, lay.list_x + 3, lay.list_y + 2));
    ck_assert_str_eq(ex.set.items[explore_selected(&ex)].name, "filter-before");
}
END_TEST

START_TEST(click_on_the_chart_selects_the_nearest_point)
{
    char *s = screen(100, 30);
    free(s);
    ck_assert(lay.have_chart);
    long want = pointset_index(&ex.set, "safety-tuned");
    int col = lay.chart.point_col[want], row = lay.chart.point_row[want];
    ck_assert(col >= 0);
    ck_assert(explore_click(&ex, &lay, lay.chart_x + col, lay.chart_y + row));
    ck_assert_int_eq(explore_selected(&ex), want);
}
END_TEST

START_TEST(a_scrolled_list_is_clicked_where_it_is_shown)
{
    /* At 80x20 the list shows fewer rows than points: End scrolls it, and
     * the layout (not the model) remembers where it starts. */
    uigrid_t g = UIGRID_INIT;
    uigrid_resize(&g, 80, 20);
    explore_render(&ex, &g, &lay);
    ck_assert(lay.list_rows > 0 && (size_t)lay.list_rows < ex.set.len);
    explore_key(&ex, &lay, EK_END);
    explore_render(&ex, &g, &lay);
    size_t first = ex.set.len - (size_t)lay.list_rows;
    ck_assert_uint_eq(lay.list_scroll, first);
    ck_assert(explore_click(&ex, &lay, lay.list_x + 3, lay.list_y));
    ck_assert_int_eq(explore_selected(&ex), (long)ex.order[first]);
    explore_render(&ex, &g, &lay); /* the cursor is shown: the list stays put */
    ck_assert_uint_eq(lay.list_scroll, first);
    uigrid_free(&g);
}
END_TEST

START_TEST(help_scrolls_no_further_than_its_end)
{
    sb_t dumps = SB_INIT, err = SB_INIT;
    screen_t scr = explore_screen(&ex, &lay);
    sb_t script = SB_INIT;
    sb_puts(&script, "?");
    for (int i = 0; i < 60; i++)
        sb_puts(&script, "<Down>");
    ck_assert(keyscript_run(&scr, sb_str(&script), 100, 20, &dumps, &err));
    ck_assert(lay.help_max_scroll > 0);
    ck_assert_int_eq(ex.help_scroll, lay.help_max_scroll);
    ck_assert(keyscript_run(&scr, "<Up>", 100, 20, &dumps, &err)); /* one Up shows one more line at once */
    ck_assert_int_eq(ex.help_scroll, lay.help_max_scroll - 1);
    ck_assert_int_eq(ex.mode, EX_MODE_HELP);
    sb_free(&script);
    sb_free(&dumps);
    sb_free(&err);
}
END_TEST

/* Ten of 1,000 attacks succeed: 100 harmful outputs a day at the default
 * scenario, with an interval that depends on the method. */
static char *gate_screen(const analysis_opts_t *opts)
{
    pointset_t set = POINTSET_INIT;
    point_t p = point_make("base");
    p.attack_successes = 10, p.n_adversarial = 1000, p.asr = 0.01;
    p.benign_refused = 40, p.n_benign = 1000, p.orr = 0.04;
    pointset_add(&set, p);
    scenario_t s = model_default_scenario();
    explore_t e;
    explore_init(&e, &set, strdup("gate"), NULL, 0, &s, opts);
    explore_layout_t l = EXPLORE_LAYOUT_INIT;
    uigrid_t g = UIGRID_INIT;
    uigrid_resize(&g, 100, 30);
    explore_render(&e, &g, &l);
    sb_t out = SB_INIT;
    uigrid_to_text(&g, &out);
    uigrid_free(&g);
    explore_layout_free(&l);
    explore_free(&e);
    return sb_detach(&out);
}

START_TEST(intervals_follow_the_analysis_method)
{
    char *wilson = gate_screen(NULL);
    ck_assert_msg(strstr(wilson, "100 (95%: 54.4-183)"), "%s", wilson);
    analysis_opts_t cp = ANALYSIS_OPTS_INIT;
    cp.interval = STATS_CLOPPER_PEARSON;
    char *exact = gate_screen(&cp);
    /* The same numbers stats.h gives report: */
    stats_interval_t ci = stats_interval(10, 1000, STATS_CONFIDENCE, STATS_CLOPPER_PEARSON);
    char want[64];
    snprintf(want, sizeof want, "100 (95%%: %.1f-", ci.lo * 1e4);
    ck_assert_msg(strstr(exact, want), "no '%s' in %s", want, exact);
    ck_assert(strstr(exact, "48.1-183"));
    free(wilson);
    free(exact);
}
END_TEST

START_TEST(a_saved_scenario_is_applied_by_the_ui)
{
    scenario_file_t sf;
    scenario_file_init(&sf);
    sf.series = strdup("filter threshold");
    sf.position = 0.5;
    sf.sort = strdup("asr");
    sf.scales = strdup("log");
    sf.focus = strdup("cost-harm");
    sb_t why = SB_INIT;
    ck_assert(explore_apply_scenario_file(&ex, &sf, &why));
    ck_assert_str_eq(ex.series[ex.place.series].name, "filter threshold");
    ck_assert(fabs(ex.place.pos - 0.5) < 1e-12);
    ck_assert_int_eq(ex.sort, EX_SORT_ASR);
    ck_assert_int_eq(ex.scale, CHART_SCALE_LOG);
    ck_assert_int_eq(ex.focus, EX_CTL_COST_HARM);
    free(sf.series);
    sf.series = strdup("no such series");
    ck_assert(!explore_apply_scenario_file(&ex, &sf, &why));
    ck_assert_str_eq(sb_str(&why), "no series named 'no such series' in the loaded files");
    sb_free(&why);
    scenario_file_free(&sf);
}
END_TEST

START_TEST(scales_cycle_and_save_by_name)
{
    ck_assert_int_eq(ex.scale, CHART_SCALE_AUTO);
    keys("g");
    ck_assert_int_eq(ex.scale, CHART_SCALE_LOG);
    ck_assert(strstr(ex.message, "logarithmic"));
    keys("g");
    ck_assert_int_eq(ex.scale, CHART_SCALE_LINEAR);
    keys("g");
    ck_assert_int_eq(ex.scale, CHART_SCALE_AUTO);
}
END_TEST

/* ---- a score file kept whole ---------------------------------------------------- */

/* An explorer on a per-prompt score file of 2,000 prompts, its curve kept
 * whole, plus one operating point of its own file. */
static void curve_explorer(explore_t *e, scenario_t *s)
{
    sb_t text = SB_INIT;
    sb_puts(&text, "set,score\n");
    for (int i = 0; i < 2000; i++)
        sb_printf(&text, "%s,%.4f\n", i % 4 == 0 ? "harmful" : "benign",
                  i % 4 == 0 ? 1 - (double)(i % 997) / 1200.0 : (double)(i % 991) / 1100.0);
    pointset_t set = POINTSET_INIT;
    curves_t curves = CURVES_INIT;
    diag_t d = DIAG_INIT;
    ck_assert_int_eq(load_buffer_curves(&set, &curves, "filter.csv", sb_str(&text), text.len, NULL, &d), 0);
    *s = model_default_scenario();
    explore_init_whole(e, &set, &curves, strdup("filter.csv"), NULL, 0, s, NULL);
    e->ascii = true;
    diag_free(&d);
    sb_free(&text);
}

START_TEST(a_curve_is_one_row_and_steps_through_its_thresholds)
{
    explore_t e;
    scenario_t s;
    curve_explorer(&e, &s);
    explore_layout_t l = EXPLORE_LAYOUT_INIT;
    screen_t scr = explore_screen(&e, &l);
    sb_t dumps = SB_INIT, err = SB_INIT;
    ck_assert_uint_eq(e.set.len, 1);                  /* one row for the whole curve */
    const curve_t *c = &e.curves.items[0].curve;
    ck_assert_uint_gt(c->len, 500);
    ck_assert(explore_current(&e).valid && !explore_current(&e).is_mix);
    ck_assert_double_eq(e.set.items[0].knob, c->steps[0].threshold); /* opens on the lowest */
    /* a typed threshold lands on the measured step at or above it */
    sb_t why = SB_INIT;
    ck_assert(explore_set_threshold(&e, "0.5", &why));
    size_t at = curve_at_or_above(c, 0.5);
    ck_assert_double_eq(e.set.items[0].knob, c->steps[at].threshold);
    ck_assert_int_eq(e.set.items[0].benign_refused, c->steps[at].benign_refused);
    ck_assert(strstr(e.message, "measured") != NULL);
    /* fine steps are the neighbouring thresholds, coarse ones a twentieth */
    ck_assert(keyscript_run(&scr, "l", 100, 30, &dumps, &err));
    ck_assert_double_eq(e.set.items[0].knob, c->steps[at + 1].threshold);
    ck_assert(!explore_current(&e).is_mix);
    ck_assert(keyscript_run(&scr, "h h", 100, 30, &dumps, &err));
    ck_assert_double_eq(e.set.items[0].knob, c->steps[at - 1].threshold);
    size_t before = e.curves.items[0].step;
    ck_assert(keyscript_run(&scr, "L", 100, 30, &dumps, &err));
    size_t after = e.curves.items[0].step;
    ck_assert_uint_eq(after - before, explore_curve_coarse_stride(c->len));
    ck_assert_uint_eq(explore_curve_coarse_stride(c->len), (c->len - 1 + 19) / 20);
    /* every coarse press moves that same count, and H undoes L */
    ck_assert(keyscript_run(&scr, "L", 100, 30, &dumps, &err));
    ck_assert_uint_eq(e.curves.items[0].step - after, explore_curve_coarse_stride(c->len));
    ck_assert(keyscript_run(&scr, "H H", 100, 30, &dumps, &err));
    ck_assert_uint_eq(e.curves.items[0].step, before);
    /* a threshold above every score is refused, naming the highest */
    sb_reset(&why);
    ck_assert(!explore_set_threshold(&e, "2", &why));
    ck_assert(strstr(sb_str(&why), "the highest score measured") != NULL);
    sb_free(&why);
    sb_free(&dumps);
    sb_free(&err);
    explore_layout_free(&l);
    explore_free(&e);
}
END_TEST

START_TEST(a_baseline_on_a_curve_stays_where_it_was_pinned)
{
    explore_t e;
    scenario_t s;
    curve_explorer(&e, &s);
    sb_t why = SB_INIT;
    ck_assert(explore_set_threshold(&e, "0.3", &why));
    explore_pin_current(&e);
    double asr = e.baseline.asr, orr = e.baseline.orr;
    char pinned[200];
    snprintf(pinned, sizeof pinned, "%s", e.baseline_name);
    ck_assert(strstr(pinned, "filter @ ") == pinned);
    ck_assert(explore_set_threshold(&e, "0.6", &why));
    /* the curve's point moved on; the baseline did not */
    ck_assert_double_eq(e.baseline.asr, asr);
    ck_assert_double_eq(e.baseline.orr, orr);
    ck_assert_str_eq(e.baseline_name, pinned);
    frontier_op_t op = explore_current(&e);
    comparison_t cmp = explore_compare(&e, &op);
    ck_assert(cmp.d_refusals < 0); /* a higher threshold refuses less */
    /* a name with a threshold selects that step */
    ck_assert(explore_select(&e, pinned, &why));
    ck_assert_double_eq(e.set.items[0].asr, asr);
    sb_free(&why);
    explore_free(&e);
}
END_TEST

/* The cost optimum on a curve is its cheapest measured threshold within
 * the policy, never a mix of two of them. */
START_TEST(the_optimum_of_a_curve_is_a_measured_threshold)
{
    explore_t e;
    scenario_t s;
    curve_explorer(&e, &s);
    e.scenario.cost_refusal = 0.1;
    e.scenario.cost_harm = 500;
    policy_find("none", &e.scenario.policy);
    ck_assert(explore_do(&e, EXA_OPTIMAL));
    frontier_op_t op = explore_current(&e);
    ck_assert(op.valid && !op.is_mix);
    const curve_t *c = &e.curves.items[0].curve;
    double best = INFINITY;
    for (size_t k = 0; k < c->len; k++) {
        double cost = model_project_rates(&e.scenario, (double)c->steps[k].attack_successes / (double)c->n_adversarial,
                                          (double)c->steps[k].benign_refused / (double)c->n_benign).cost;
        best = cost < best ? cost : best;
    }
    ck_assert(fabs(model_project_rates(&e.scenario, op.asr, op.orr).cost - best) < 1e-9 * best);
    ck_assert_msg(strstr(e.message, "cost-optimal") != NULL, "%s", e.message);
    explore_free(&e);
}
END_TEST

/* The export reports the curve as `tradeoff report` loads it: thinned to
 * its points, named with their thresholds. */
START_TEST(the_export_reports_a_curve_as_report_does)
{
    explore_t e;
    scenario_t s;
    curve_explorer(&e, &s);
    sb_t md = SB_INIT;
    explore_markdown(&e, &md);
    ck_assert(strstr(sb_str(&md), "# Explorer: trade-off at filter @ ") != NULL);
    char want[96];
    const curve_t *c = &e.curves.items[0].curve;
    char n[32];
    snprintf(want, sizeof want, "(a curve of %s thresholds)", num_format_int((double)c->len, n, sizeof n));
    ck_assert_msg(strstr(sb_str(&md), want) != NULL, "no '%s'", want);
    /* the report part: the curve as report loads it, thinned */
    size_t *keep = malloc(c->len * sizeof *keep);
    snprintf(want, sizeof want, "filter.csv (%zu points)", curve_thin(c, INPUT_CURVE_POINTS, false, keep));
    free(keep);
    ck_assert_msg(strstr(sb_str(&md), want) != NULL, "no '%s'", want);
    sb_free(&md);
    explore_free(&e);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("explore");
    TCase *t = tcase_create("explore");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_unchecked_fixture(t, scratch_make, scratch_remove);
    tcase_add_test(t, no_key_is_bound_twice);
    tcase_add_test(t, every_action_has_a_key_and_a_description);
    tcase_add_test(t, help_and_man_come_from_the_table);
    tcase_add_test(t, key_names_read_back);
    tcase_add_test(t, motion_keys_are_the_ones_that_only_move);
    tcase_add_test(t, safety_tuned_refuses_799200_a_day);
    tcase_add_test(t, volume_steps_scale_the_counts);
    tcase_add_test(t, volume_stays_in_its_range);
    tcase_add_test(t, exact_entry_validates);
    tcase_add_test(t, baseline_gives_the_sentence);
    tcase_add_test(t, threshold_between_points_is_a_labelled_mix);
    tcase_add_test(t, series_keys_and_find);
    tcase_add_test(t, a_curve_is_one_row_and_steps_through_its_thresholds);
    tcase_add_test(t, a_baseline_on_a_curve_stays_where_it_was_pinned);
    tcase_add_test(t, the_optimum_of_a_curve_is_a_measured_threshold);
    tcase_add_test(t, the_export_reports_a_curve_as_report_does);
    tcase_add_test(t, cost_optimal_needs_costs);
    tcase_add_test(t, optimum_message_is_never_cut);
    tcase_add_test(t, optimum_mix_moves_the_slider);
    tcase_add_test(t, policy_bounds_are_editable);
    tcase_add_test(t, too_small_screen_says_so);
    tcase_add_test(t, help_lists_every_action);
    tcase_add_test(t, unknown_key_gets_a_hint);
    tcase_add_test(t, sort_orders_the_list);
    tcase_add_test(t, script_errors_name_the_column);
    tcase_add_test(t, scenario_file_round_trip);
    tcase_add_test(t, scenario_file_errors_name_line_and_column);
    tcase_add_test(t, scenario_file_bounds_and_paths);
    tcase_add_test(t, scenario_file_keeps_the_reading);
    tcase_add_test(t, scenario_file_version_2_opens);
    tcase_add_test(t, scenario_file_paths_round_trip_any_byte);
    tcase_add_test(t, scenario_file_refuses_nul_naming_its_line);
    tcase_add_test(t, scenario_save_text_checks_it_reads_back);
    tcase_add_test(t, markdown_export_has_state_and_report);
    tcase_add_test(t, markdown_export_shows_a_rate_beside_its_bound);
    tcase_add_test(t, ascii_screen_is_ascii);
    tcase_add_test(t, click_on_a_list_row_selects_it);
    tcase_add_test(t, click_on_the_chart_selects_the_nearest_point);
    tcase_add_test(t, a_scrolled_list_is_clicked_where_it_is_shown);
    tcase_add_test(t, help_scrolls_no_further_than_its_end);
    tcase_add_test(t, intervals_follow_the_analysis_method);
    tcase_add_test(t, a_saved_scenario_is_applied_by_the_ui);
    tcase_add_test(t, scales_cycle_and_save_by_name);
    suite_add_tcase(s, t);
    return s;
}

CHECK_MAIN(suite)
