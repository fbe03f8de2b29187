#include "config.h"

#include "ui/practice_session.h"

#include <string.h>

static void enter(practice_session_t *s, size_t at)
{
    s->at = at;
    sb_reset(&s->feedback);
    if (at >= s->set->len) {
        s->phase = SESSION_DONE;
        return;
    }
    s->phase = SESSION_ASKING;
    practice_solve(&s->set->items[at], &s->sol);
}

void practice_session_start(practice_session_t *s, const practice_set_t *set)
{
    memset(s, 0, sizeof *s);
    s->set = set;
    s->sol = (practice_solution_t)PRACTICE_SOLUTION_INIT;
    s->feedback = (sb_t)SB_INIT;
    enter(s, 0);
}

const practice_ex_t *practice_session_current(const practice_session_t *s)
{
    return s->at < s->set->len ? &s->set->items[s->at] : NULL;
}

practice_verdict_t practice_session_answer(practice_session_t *s, const char *typed)
{
    if (s->phase != SESSION_ASKING)
        return PRACTICE_UNREADABLE;
    sb_reset(&s->feedback);
    s->verdict = practice_check(&s->sol.answer, typed, &s->feedback);
    if (s->verdict != PRACTICE_UNREADABLE) {
        practice_score_add(&s->score, s->set->items[s->at].kind, s->verdict == PRACTICE_RIGHT);
        s->phase = SESSION_SOLVED;
    }
    return s->verdict;
}

void practice_session_next(practice_session_t *s)
{
    if (s->phase == SESSION_SOLVED)
        enter(s, s->at + 1);
}

void practice_session_stop(practice_session_t *s)
{
    s->phase = SESSION_DONE;
    sb_reset(&s->feedback);
}

void practice_session_free(practice_session_t *s)
{
    practice_solution_free(&s->sol);
    sb_free(&s->feedback);
}
