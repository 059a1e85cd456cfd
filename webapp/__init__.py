"""The parts of the web chat (`app.py` builds and launches the page from them): layout, handlers, HTML, messages."""
