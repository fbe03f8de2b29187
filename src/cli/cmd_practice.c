/* cmd_practice: `tradeoff practice`, interview drills on the trade-off.
 *
 * Three ways to practise, all from the same exercises: the curses screen
 * (a terminal on both ends), the line mode (--plain, or standard input not a
 * terminal: scripts feed answers one a line), and the printable worksheet
 * (--worksheet, text or Markdown, to standard output or -o atomically). */
#include "config.h"

#include "cli/cmd.h"
#include "base/exitcode.h"
#include "core/practice.h"
#include "ui/practice_screen.h"
#include "ui/practice_session.h"
#include "base/text.h"
#include "term/headless.h"
#include "term/tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define LINE_WIDTH 78

/* A seed for a drill when none is given: different each run, and shown so
 * that the drill can be repeated. */
static unsigned long long fresh_seed(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    practice_rng_t r;
    practice_rng_seed(&r, (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32));
    /* Keep it short enough to type back. */
    return practice_rng_next(&r) % 1000000ULL;
}

static bool check_options(cli_t *c, practice_kind_t *kind, bool *all)
{
    cli_practice_t *p = &c->practice;
    *all = p->kind == NULL;
    if (!*all && !practice_kind_find(p->kind, kind)) {
        char *shown = text_sanitize(p->kind, strlen(p->kind));
        cli_error("--kind '%s': expected %s", shown, practice_kind_names());
        free(shown);
        cli_hint(c);
        return false;
    }
    if (c->data.nfiles > 0) {
        cli_error("practice takes no files: its exercises come from the domain text and --seed");
        return false;
    }
    if (c->output.format != REPORT_TEXT && c->output.format != REPORT_MARKDOWN) {
        cli_error("--format: practice writes text or markdown");
        return false;
    }
    if (!p->worksheet && (c->output.format == REPORT_MARKDOWN || c->output.path)) {
        cli_error("--format markdown and --output apply to the worksheet: add --worksheet");
        return false;
    }
    if ((p->worksheet || p->plain) && (c->chart.ascii || c->output.no_color)) {
        cli_error("--ascii and --no-color apply to the practice screen, not to --%s",
                  p->worksheet ? "worksheet" : "plain");
        return false;
    }
    if (!p->seed_set)
        p->seed = fresh_seed();
    if (p->count == 0)
        p->count = *all ? PRACTICE_DEFAULT_COUNT * 2 : PRACTICE_DEFAULT_COUNT;
    return true;
}

static void print_wrapped(const char *text)
{
    sb_t out = SB_INIT;
    text_wrap(&out, text, LINE_WIDTH, TEXT_WRAP_KEEP_PREFORMATTED);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
}

static void print_indented(const char *text)
{
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        printf("    %.*s\n", (int)len, p);
        p += len + (p[len] == '\n');
    }
}

static void plain_exercise(const practice_session_t *s)
{
    const practice_ex_t *ex = practice_session_current(s);
    sb_t q = SB_INIT;
    printf("\nExercise %zu of %zu: %s (%s%s)\n\n", s->at + 1, s->set->len, practice_kind_title(ex->kind),
           practice_kind_name(ex->kind), ex->from_text ? ", from the domain text" : "");
    practice_question(&q, ex, false);
    print_wrapped(sb_str(&q));
    sb_free(&q);
}

static void plain_solution(const practice_session_t *s)
{
    printf("%s\n", s->verdict == PRACTICE_RIGHT ? "RIGHT" : "WRONG");
    print_wrapped(sb_str(&s->feedback));
    printf("Worked solution:\n");
    print_indented(sb_str(&s->sol.steps));
    sb_t m = SB_INIT;
    sb_printf(&m, "\nFor the meeting: %s", sb_str(&s->sol.meaning));
    print_wrapped(sb_str(&m));
    sb_free(&m);
}

/* Reads one line without its newline; false at end of input. */
static bool read_line(char **line, size_t *cap)
{
    ssize_t n = getline(line, cap, stdin);
    if (n < 0)
        return false;
    while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
        (*line)[--n] = '\0';
    return true;
}

static bool is_quit(const char *line)
{
    return strcmp(line, "q") == 0 || strcmp(line, "quit") == 0 || strcmp(line, "Q") == 0;
}

/* The line mode: one answer a line, a verdict and the worked solution after
 * each, the score at the end of input. */
static int run_plain(practice_session_t *s, const cli_t *c)
{
    bool echo = !isatty(STDIN_FILENO); /* show what a script typed */
    char *line = NULL;
    size_t cap = 0;
    sb_t repeat = SB_INIT;
    practice_repeat_command(&repeat, s->set);
    printf("Practice: %zu exercises, seed %llu (repeat with: %s). Type each answer and press Enter; q quits.\n",
           s->set->len, c->practice.seed, sb_str(&repeat));
    sb_free(&repeat);
    while (s->phase != SESSION_DONE) {
        plain_exercise(s);
        while (s->phase == SESSION_ASKING) {
            printf("answer> ");
            fflush(stdout);
            if (!read_line(&line, &cap) || is_quit(line)) {
                if (echo)
                    putchar('\n');
                practice_session_stop(s);
                break;
            }
            if (echo) { /* a file's bytes, shown on a terminal: sanitised */
                char *shown = text_sanitize(line, strlen(line));
                printf("%s\n", shown);
                free(shown);
            }
            if (practice_session_answer(s, line) == PRACTICE_UNREADABLE)
                printf("%s\n", sb_str(&s->feedback));
        }
        if (s->phase == SESSION_SOLVED) {
            plain_solution(s);
            practice_session_next(s);
        }
    }
    free(line);
    sb_t sum = SB_INIT;
    practice_score_summary(&sum, &s->score);
    printf("\n%s", sb_str(&sum));
    sb_free(&sum);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_INTERNAL;
}

/* The practice screen on the terminal, or on a key script (TRADEOFF_KEYS);
 * on the terminal, the score is printed once it is given back. */
static int run_screen(practice_session_t *s, const cli_t *c)
{
    practice_screen_t ps;
    practice_screen_init(&ps, s, c->practice.seed, c->display.ascii);
    practice_layout_t lay = PRACTICE_LAYOUT_INIT;
    screen_t scr = practice_screen(&ps, &lay);
    if (headless_requested()) {
        sb_t err = SB_INIT;
        int rc = headless_run(&scr, NULL, 0, &err);
        if (rc != EXIT_OK)
            cli_error("%s", sb_str(&err));
        sb_free(&err);
        return rc;
    }
    tui_opts_t o = {.color = c->display.color, .mouse = false};
    int rc = tui_run(&scr, &o);
    if (rc != EXIT_OK)
        return rc;
    sb_t sum = SB_INIT;
    practice_score_summary(&sum, &s->score);
    printf("%s", sb_str(&sum));
    sb_free(&sum);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_INTERNAL;
}

int cmd_practice(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_PRACTICE, argc, argv))
        return EXIT_USAGE;
    practice_kind_t kind = PRACTICE_DAILY;
    bool all;
    if (!check_options(&c, &kind, &all))
        return EXIT_USAGE;

    practice_set_t set = PRACTICE_SET_INIT;
    set.interval = c.analysis.opts.interval; /* the sample-size answer is the report's figure */
    practice_generate(&set, c.practice.seed, all ? PRACTICE_ALL_KINDS : (int)kind, c.practice.count);
    int rc;
    if (c.practice.worksheet) {
        sb_t out = SB_INIT;
        practice_worksheet(&out, &set, c.output.format == REPORT_MARKDOWN);
        rc = cmd_emit(&c, &out);
        sb_free(&out);
    } else {
        practice_session_t s;
        practice_session_start(&s, &set);
        if (c.practice.plain || (!headless_requested() && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))))
            rc = run_plain(&s, &c);
        else
            rc = run_screen(&s, &c);
        practice_session_free(&s);
    }
    practice_set_free(&set);
    return rc;
}
