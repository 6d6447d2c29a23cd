"""Imported by the analysis processes' forkserver only (``reader.ui.analysis_processes.PRELOAD``): each stage runs
once on a tiny text, so that what the stages load on first use (Punkt's parameters, the tagger, the name lists) is
loaded once, before the lanes are forked from the forkserver. Nothing else imports this module.
"""

from reader.ui.analysis_processes import warm_up

warm_up()
