"""Imported by the analysis processes' forkserver only, first (``reader.ui.analysis_processes.PRELOAD``).

The forkserver writes nothing to the terminal the UI draws on (its stdout and stderr go to /dev/null, as the
lanes' do), and lowers its priority (``LANE_NICENESS``), which the lanes forked from it inherit: on a busy machine
the UI process comes first (scrolling, painting, a reopened book's text), the analysis takes the CPU time left.
Then each stage runs once on a tiny text, so that what the stages load on first use (Punkt's parameters, the
tagger, the name lists) is loaded once, before the lanes are forked. Nothing else imports this module.
"""

import os

from reader.ui.analysis_processes import LANE_NICENESS, silence_output, warm_up

silence_output()
try:
    os.nice(LANE_NICENESS)
except OSError:  # not allowed here: the same priority as the UI
    pass
warm_up()
