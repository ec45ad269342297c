"""Live classes (issue 23): rooms a class joins with a code, the teacher in control.

:mod:`rooms.logic` holds the rules, pure and without I/O.  Still to come: a
store keeping rooms, questions and answers in a SQL database through
SQLAlchemy (SQLite by default, PostgreSQL from a URL), and the page's views.
"""
