/* role: what a cell of a screen shows, for the theme to give it a look.
 *
 * The screens write roles into their uigrid; the theme table
 * (term/theme.c) turns each role into a colour and attributes, with a
 * monochrome column for --no-color and NO_COLOR. Chart cells use
 * ROLE_CHART + their canvas style, so `tradeoff plot` and the explorer's
 * chart share the same rows of the theme. The screens never know how a role
 * looks. */
#ifndef TRADEOFF_ROLE_H
#define TRADEOFF_ROLE_H

#include "render/canvas.h"

enum {
    ROLE_PLAIN = 0,
    ROLE_TITLE,      /* the top line */
    ROLE_FRAME,      /* panel borders */
    ROLE_HEADING,    /* panel titles, column headers */
    ROLE_LABEL,      /* names of values */
    ROLE_VALUE,      /* numbers a person reads */
    ROLE_FOCUS,      /* the focused control's line */
    ROLE_BAR,        /* the filled part of a slider */
    ROLE_TRACK,      /* the empty part of a slider */
    ROLE_KNOB,       /* the slider's knob */
    ROLE_GOOD,       /* a bound that passes, a right answer */
    ROLE_BAD,        /* a bound that fails, a wrong answer */
    ROLE_NOTE,       /* a mix label, hints */
    ROLE_CURSOR,     /* the list row of the selected point */
    ROLE_BASELINE,   /* the baseline's mark and name */
    ROLE_SENTENCE,
    ROLE_STATUS,     /* the status line */
    ROLE_STATUS_KEY, /* a key in the status line's hints */
    ROLE_ERROR,      /* a message that something went wrong */
    ROLE_INPUT,      /* the line being typed */
    ROLE_CHART,      /* + canvas_style_t */
    ROLE_COUNT = ROLE_CHART + CANVAS_STYLE_COUNT
};

#endif
