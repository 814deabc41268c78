"""``streamlit run streamlit_app.py`` at the top of a checkout: the app ``geoapp app`` serves."""

from geoapp.app.main import run

run()
