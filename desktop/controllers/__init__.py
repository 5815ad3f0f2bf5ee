"""The window's controllers: one per area of work (review, claim edits, article edits, claim
groups and verdicts, imports, exports, databases, matching), each a ``base.Controller``
reporting through the same ``message``/``error``/``changes`` signals."""
