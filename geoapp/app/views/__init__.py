"""The pages of the Streamlit app, one module a page."""
