"""Deployment helpers: several ``streamlit run`` replicas behind nginx (``replicas.py``)."""
