"""Live classes (issue 23): rooms a class joins with a code, the teacher in control.

:mod:`rooms.logic` holds the rules (pure), :mod:`rooms.store` keeps rooms,
questions and answers in a SQL database through SQLAlchemy.
"""
