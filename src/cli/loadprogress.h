/* loadprogress: a progress line on stderr while a long file loads in batch
 * mode. Only used when stderr is a terminal, so logs and pipes stay clean. */
#ifndef TRADEOFF_LOADPROGRESS_H
#define TRADEOFF_LOADPROGRESS_H

#include "load/load.h"

/* Sets opts->progress when stderr is a terminal; `name` labels the line. */
void loadprogress_attach(input_opts_t *opts, const char *name);
/* Clears the line, if one was drawn. */
void loadprogress_end(void);

#endif
