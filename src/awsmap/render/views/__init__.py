"""One module of views per command family (``awsmap.commands.X`` -> ``render.views.X``; the study
layer's results -> ``render.views.study``), each a ``VIEWS`` map from result type to view."""
