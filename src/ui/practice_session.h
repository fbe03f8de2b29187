/* practice_session: one practice run, as a small state machine.
 *
 * ASKING --answer (readable)--> SOLVED --next--> ASKING (next exercise) or DONE.
 * An unreadable answer leaves the session ASKING with a message. The line
 * mode and the curses screen both drive this, so they score alike. */
#ifndef TRADEOFF_PRACTICE_SESSION_H
#define TRADEOFF_PRACTICE_SESSION_H

#include "core/practice.h"
#include "core/practice_answer.h"
#include "base/strbuf.h"

typedef enum { SESSION_ASKING, SESSION_SOLVED, SESSION_DONE } practice_phase_t;

typedef struct {
    const practice_set_t *set;
    size_t at;                  /* the current exercise */
    practice_phase_t phase;
    practice_solution_t sol;    /* the current exercise's answer and worked solution */
    practice_verdict_t verdict; /* of the last answer typed */
    sb_t feedback;              /* "right: ...", "wrong: ...", "could not read ..." */
    practice_score_t score;
} practice_session_t;

/* Starts at the first exercise (DONE at once for an empty set). */
void practice_session_start(practice_session_t *s, const practice_set_t *set);
const practice_ex_t *practice_session_current(const practice_session_t *s);
/* Judges `typed` against the current exercise; a readable answer is scored
 * and moves the session to SOLVED. */
practice_verdict_t practice_session_answer(practice_session_t *s, const char *typed);
/* From SOLVED to the next exercise, or DONE after the last. */
void practice_session_next(practice_session_t *s);
/* Ends the session early (the unanswered exercises are not scored). */
void practice_session_stop(practice_session_t *s);
void practice_session_free(practice_session_t *s);

#endif
