/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-error.h"

G_DEFINE_QUARK (tamu-error-quark, tamu_error)
